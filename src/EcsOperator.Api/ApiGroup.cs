namespace EcsOperator.Api;

/// <summary>The API group and version of every kind the operator serves, and the names it stamps on objects.</summary>
public static class ApiGroup
{
    /// <summary>The API group, also the prefix of our labels, tags and finalizer.</summary>
    public const string Group = "ecs.operator.dev";

    /// <summary>The only served and stored version.</summary>
    public const string Version = "v1alpha1";

    /// <summary>The <c>apiVersion</c> value of our objects.</summary>
    public const string ApiVersion = Group + "/" + Version;

    /// <summary>The category every kind belongs to, so <c>kubectl get ecs</c> lists them all.</summary>
    public const string Category = "ecs";

    /// <summary>The finalizer that holds an object until its AWS resources are cleaned up (or retained).</summary>
    public const string CleanupFinalizer = Group + "/cleanup";

    /// <summary>The AWS tag that marks a resource as owned by one object: <c>&lt;cluster-id&gt;/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    public const string OwnerTagKey = Group + "/owner";

    /// <summary>The AWS tag on task-definition revisions that carries the spec hash they were registered for.</summary>
    public const string SpecHashTagKey = Group + "/spec-hash";

    /// <summary>
    /// The annotation a user sets to <c>&lt;service deployment id&gt;</c> (the last part of its ARN, or the whole ARN) to
    /// roll that EcsService deployment back with StopServiceDeployment ROLLBACK; acted on once per deployment id.
    /// </summary>
    public const string RollbackAnnotation = Group + "/rollback";
}
