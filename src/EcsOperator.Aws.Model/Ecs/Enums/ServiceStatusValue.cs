namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The values of <c>Service.status</c> (a plain string in the AWS model, not an enum): ACTIVE while it runs,
/// DRAINING after DeleteService until its tasks stopped, INACTIVE once deleted (still described for a while).
/// </summary>
public static class ServiceStatusValue
{
    public const string Active = "ACTIVE";
    public const string Draining = "DRAINING";
    public const string Inactive = "INACTIVE";
}
