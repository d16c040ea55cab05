using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Aws.Ecs;

/// <summary>
/// The merged result of describing any number of services in one cluster (ECS answers at most 10 per call):
/// the services ECS found and the failures it reported for the others.
/// </summary>
public sealed record ServiceDescriptions(IReadOnlyList<Service> Services, IReadOnlyList<Failure> Failures)
{
    /// <summary>
    /// The service with this name or ARN, if ECS described it (in any status, including <c>INACTIVE</c> for a
    /// recently deleted service).
    /// </summary>
    public Service? Find(string serviceNameOrArn)
    {
        var name = ServiceName(serviceNameOrArn);
        return Services.FirstOrDefault(s =>
            string.Equals(s.ServiceName, name, StringComparison.Ordinal) ||
            string.Equals(s.ServiceArn, serviceNameOrArn, StringComparison.Ordinal));
    }

    /// <summary>ECS reported the service as <c>MISSING</c>: it does not exist (or was deleted long ago).</summary>
    public bool IsMissing(string serviceNameOrArn) =>
        FailureFor(serviceNameOrArn) is { Reason: EcsFailureReasons.Missing };

    /// <summary>
    /// The service does not exist for practical purposes: ECS reported it <c>MISSING</c>, or it was deleted and is
    /// still listed as <c>INACTIVE</c>.
    /// </summary>
    public bool IsMissingOrInactive(string serviceNameOrArn) =>
        IsMissing(serviceNameOrArn) || Find(serviceNameOrArn) is { Status: ServiceStatusValue.Inactive };

    /// <summary>The failure ECS reported for this service, if any (MISSING or another reason).</summary>
    public Failure? FailureFor(string serviceNameOrArn)
    {
        var name = ServiceName(serviceNameOrArn);
        return Failures.FirstOrDefault(f =>
            string.Equals(f.Arn, serviceNameOrArn, StringComparison.Ordinal) ||
            (f.Arn is not null && string.Equals(ServiceName(f.Arn), name, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The service name in a name or ARN. Service ARNs come in a long form
    /// (<c>arn:aws:ecs:region:account:service/cluster/name</c>) and a legacy short form (<c>.../service/name</c>);
    /// the name is the last path segment of both.
    /// </summary>
    internal static string ServiceName(string serviceNameOrArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceNameOrArn);
        if (!serviceNameOrArn.StartsWith("arn:", StringComparison.Ordinal))
            return serviceNameOrArn;
        var slash = serviceNameOrArn.LastIndexOf('/');
        return slash < 0 ? serviceNameOrArn : serviceNameOrArn[(slash + 1)..];
    }
}
