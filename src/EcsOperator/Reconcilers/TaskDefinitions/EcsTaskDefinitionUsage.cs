using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Principals;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.Arns;

namespace EcsOperator.Reconcilers.TaskDefinitions;

/// <summary>
/// Asks ECS: lists the services of the clusters <paramref name="clusters"/> names, describes them and collects the
/// task definitions of all their deployments (PRIMARY and ACTIVE: a rollout in progress still needs the old one).
/// INACTIVE (deleted) services are skipped; DRAINING ones still count, since their tasks may still be running. The
/// calls run as the principal of the namespace asked for (<see cref="IAwsClientsForNamespace"/>).
/// </summary>
public sealed class EcsTaskDefinitionUsage(IAwsClientsForNamespace aws, Func<CancellationToken, Task<IReadOnlyList<string>>> clusters) : ITaskDefinitionUsage
{
    public async Task<IReadOnlySet<string>> InUseAsync(string @namespace, string family, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(family);
        var ecs = aws.For(@namespace).Ecs;
        var inUse = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in (await clusters(cancellationToken)).Distinct(StringComparer.Ordinal))
        {
            IReadOnlyList<string> services;
            try
            {
                services = await ecs.ListAllServicesAsync(new ListServicesRequest { Cluster = cluster }, cancellationToken);
            }
            catch (AwsServiceException e) when (e.Kind == AwsErrorKind.NotFound)
            {
                continue; // a cluster that does not exist runs nothing
            }

            if (services.Count == 0)
                continue;
            var described = await ecs.DescribeAllServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = services }, cancellationToken);
            foreach (var service in described.Services)
            {
                // A deleted service runs nothing and never will. ListServices omits it on AWS, but one deleted between
                // the two calls is still described (INACTIVE), and moto keeps listing deleted services with their
                // deployments: counting them would pin the revision for ever.
                if (service.Status == ServiceStatusValue.Inactive)
                    continue;
                foreach (var deployment in service.Deployments ?? [])
                {
                    if (deployment.TaskDefinition is { } arn && EcsNames.TaskDefinitionFamily(arn) == family)
                        inUse.Add(arn);
                }
            }
        }

        return inUse;
    }
}
