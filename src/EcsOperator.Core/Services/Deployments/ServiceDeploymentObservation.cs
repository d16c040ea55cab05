using EcsOperator.Api.Services;
using EcsOperator.Core.Conditions;

namespace EcsOperator.Core.Services.Deployments;

/// <summary>
/// What one DescribeServiceDeployments result means for an EcsService: the status.rollout fields, the reconcile
/// state (conditions), and the event to record when the stage or traffic moved since the previous status.
/// </summary>
/// <param name="StageEvent">A note for a <c>RolloutStage</c> event, or null when nothing moved.</param>
public sealed record ServiceDeploymentObservation(RolloutStatus Rollout, ReconcileState State, string? StageEvent);
