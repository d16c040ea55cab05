namespace EcsOperator.Core.Services;

/// <summary>
/// ECS could not place some of the tasks the service's newest deployment wants: what it said, and what would help.
/// </summary>
/// <param name="Missing">How many tasks the deployment still lacks (desired minus running and pending).</param>
/// <param name="Desired">How many tasks the deployment wants.</param>
/// <param name="Cause">What ran out: RESOURCE:CPU, RESOURCE:MEMORY, RESOURCE:PORTS, CONSTRAINT or NO_INSTANCES (else UNKNOWN).</param>
/// <param name="EcsReason">ECS's own sentence about the closest instance, with ARNs shortened to ids.</param>
/// <param name="Since">When ECS reported it.</param>
public sealed record PlacementFailure(int Missing, int Desired, string Cause, string EcsReason, DateTimeOffset? Since)
{
    /// <summary>A status message: how many tasks, ECS's reason, and the fix for the cause.</summary>
    public string Message => $"ECS cannot place {Missing} of {Desired} tasks: {EcsReason} {Hint}";

    private string Hint => Cause switch
    {
        "RESOURCE:CPU" => "Register container instances with more free CPU, or lower the task's cpu.",
        "RESOURCE:MEMORY" => "Register container instances with more free memory, or lower the task's memory.",
        "RESOURCE:PORTS" => "Use dynamic host ports (hostPort 0 in bridge mode) or add container instances: a static host port fits one task per instance.",
        "CONSTRAINT" => "No container instance satisfies the placement constraints: fix placementConstraints (memberOf expression) or register matching instances.",
        "NO_INSTANCES" => "Register container instances in the cluster (or use Fargate).",
        _ => "Check the service's events in ECS.",
    };
}
