namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Information about the circuit breaker used to determine when a service deployment has failed.
/// </summary>
public sealed record ServiceDeploymentCircuitBreaker
{
    public string? Status { get; init; }

    public int? FailureCount { get; init; }

    public int? Threshold { get; init; }
}
