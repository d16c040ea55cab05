using EcsOperator.Api.Services;

namespace EcsOperator.Core.Services;

/// <summary>The state of a service's rollout as status shows it, with a message a human can act on.</summary>
/// <param name="RolledBack">ECS rolled the service back to an earlier deployment after this one failed.</param>
public sealed record RolloutObservation(
    RolloutPhase Phase,
    RolloutStatus Rollout,
    IReadOnlyList<DeploymentSummary> Deployments,
    string Message,
    bool RolledBack);
