using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Diffing;
using EcsOperator.Core.Services;
using FsCheck;
using FsCheck.Fluent;

namespace EcsOperator.Core.Tests.Services;

public sealed class ServiceComparerProperties
{
    private static readonly Gen<CreateServiceRequest> Requests =
        from name in Gen.Elements("web", "api", "worker")
        from revision in Gen.Choose(1, 50)
        from desiredCount in Gen.Choose(0, 20)
        from fargate in Gen.Elements(true, false)
        from subnets in Gen.SubListOf(new[] { "subnet-a", "subnet-b", "subnet-c" }).Where(s => s.Count > 0)
        from groups in Gen.SubListOf(new[] { "sg-1", "sg-2" })
        from breaker in Gen.Elements<DeploymentCircuitBreaker?>(null, new DeploymentCircuitBreaker { Enable = true, Rollback = false }, new DeploymentCircuitBreaker { Enable = true, Rollback = true })
        from maxPercent in Gen.Elements<int?>(null, 150, 200, 300)
        from minPercent in Gen.Elements<int?>(null, 0, 50, 100)
        from grace in Gen.Elements<int?>(null, 0, 60)
        from exec in Gen.Elements<bool?>(null, true, false)
        from propagate in Gen.Elements<string?>(null, "SERVICE", "TASK_DEFINITION", "NONE")
        from withLoadBalancer in Gen.Elements(true, false)
        select new CreateServiceRequest
        {
            Cluster = "prod",
            ServiceName = name,
            TaskDefinition = $"shop-{name}:{revision}",
            DesiredCount = desiredCount,
            LaunchType = fargate ? "FARGATE" : "EC2",
            NetworkConfiguration = new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = subnets.ToArray(), SecurityGroups = groups.Count == 0 ? null : groups.ToArray() },
            },
            DeploymentConfiguration = breaker is null && maxPercent is null && minPercent is null
                ? null
                : new DeploymentConfiguration { DeploymentCircuitBreaker = breaker, MaximumPercent = maxPercent, MinimumHealthyPercent = minPercent },
            HealthCheckGracePeriodSeconds = grace,
            EnableExecuteCommand = exec,
            PropagateTags = propagate,
            LoadBalancers = withLoadBalancer
                ? [new LoadBalancer { TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/x/1", ContainerName = name, ContainerPort = 8080 }]
                : null,
        };

    /// <summary>Changes to one in-place field, each paired with the field it changes.</summary>
    private static readonly (string Field, Func<CreateServiceRequest, CreateServiceRequest> Change)[] InPlaceChanges =
    [
        ("desiredCount", r => r with { DesiredCount = r.DesiredCount + 1 }),
        ("healthCheckGracePeriodSeconds", r => r with { HealthCheckGracePeriodSeconds = (r.HealthCheckGracePeriodSeconds ?? 0) + 15 }),
        ("enableExecuteCommand", r => r with { EnableExecuteCommand = !(r.EnableExecuteCommand ?? false) }),
        ("propagateTags", r => r with { PropagateTags = r.PropagateTags == "SERVICE" ? "TASK_DEFINITION" : "SERVICE" }),
        ("deploymentConfiguration", r => r with
        {
            DeploymentConfiguration = (r.DeploymentConfiguration ?? new DeploymentConfiguration()) with
            {
                MinimumHealthyPercent = (r.DeploymentConfiguration?.MinimumHealthyPercent ?? 100) == 100 ? 50 : 100,
            },
        }),
        ("placementStrategy", r => r with { PlacementStrategy = [new PlacementStrategy { Type = "spread", Field = "attribute:ecs.availability-zone" }] }),
    ];

    [Fact]
    public void A_service_created_from_any_spec_is_in_sync_with_it() =>
        Prop.ForAll(Requests.ToArbitrary(), request =>
                ServiceComparer.Compare(request, EcsDescribes.ServiceCreatedBy(request), autoScalingOwnsDesiredCount: false).InSync)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Changing_one_in_place_field_yields_exactly_that_field()
    {
        var cases = from request in Requests
                    from change in Gen.Elements(InPlaceChanges)
                    select (request, change);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var live = EcsDescribes.ServiceCreatedBy(c.request);
            var comparison = ServiceComparer.Compare(c.change.Change(c.request), live, autoScalingOwnsDesiredCount: false);
            return comparison.Differences.Count == 1
                && comparison.Differences[0].Field == c.change.Field
                && comparison.Differences[0].Kind == ChangeKind.InPlace
                && comparison.Update is not null
                && comparison.Update.TaskDefinition is null
                && comparison.Update.NetworkConfiguration is null;
        }).QuickCheckThrowOnFailure();
    }
}
