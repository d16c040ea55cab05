namespace EcsOperator.Aws.Principals;

/// <summary>How namespace roles are assumed.</summary>
public sealed class AssumedRoleOptions
{
    /// <summary>The session tag key carrying the namespace; tenant role policies match <c>${aws:PrincipalTag/k8s-namespace}</c>.</summary>
    public const string NamespaceTagKey = "k8s-namespace";

    /// <summary>How long each role session lasts (DurationSeconds; 15 minutes to the role's maximum, 1 hour by default).</summary>
    public TimeSpan SessionDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before expiry a session is renewed; calls meanwhile keep the current one.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>STS endpoint override (tests, VPC endpoints). Falls back to AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, then the regional endpoint.</summary>
    public Uri? StsEndpoint { get; set; }
}
