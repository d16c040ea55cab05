namespace EcsOperator.Aws.Model.Ecs;

/// <summary>The values of <c>Cluster.status</c> (a plain string in the AWS model, not an enum).</summary>
public static class ClusterStatusValue
{
    public const string Active = "ACTIVE";
    public const string Provisioning = "PROVISIONING";
    public const string Deprovisioning = "DEPROVISIONING";
    public const string Failed = "FAILED";
    public const string Inactive = "INACTIVE";
}
