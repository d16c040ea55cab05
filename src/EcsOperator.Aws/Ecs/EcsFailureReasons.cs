namespace EcsOperator.Aws.Ecs;

/// <summary>Values of <c>Failure.reason</c> that callers act on.</summary>
public static class EcsFailureReasons
{
    /// <summary>The named resource (service, task, cluster) does not exist.</summary>
    public const string Missing = "MISSING";
}
