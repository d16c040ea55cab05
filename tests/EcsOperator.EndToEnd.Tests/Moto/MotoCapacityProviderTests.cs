using System.Text.Json;
using EcsOperator.Api;
using EcsOperator.Api.CapacityProviders;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Testing.Moto;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests.Moto;

/// <summary>
/// The EcsCapacityProvider controller against moto_server: the four capacity-provider calls and tagging on the wire.
/// moto creates providers without checking the Auto Scaling group, does not store managedDraining on update, and
/// removes a deleted provider at once (no DELETE_IN_PROGRESS).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoCapacityProviderTests(MotoServer moto) : MotoOperatorTest(moto)
{
    private const string GroupArn = "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:6d3b4f2c-1111-2222-3333-444455556666:autoScalingGroupName/shop-asg";

    [Fact]
    public async Task A_provider_is_created_tagged_updated_found_in_sync_and_deleted_in_moto()
    {
        await StartOperatorAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(200));
        var providers = new KubernetesClient(
                new k8s.KubernetesClientConfiguration { Host = Env.Kube.BaseAddress.ToString(), Namespace = "ecs-operator" },
                new Kubernetes.Config.KubernetesClientOptions { Qps = 1000, Burst = 1000 })
            .Resource(OperatorResourceTypes.CapacityProviders, ApiJsonContext.Default.EcsCapacityProvider);

        await providers.CreateAsync(new EcsCapacityProvider
        {
            Metadata = new ObjectMeta { Name = "asg", Namespace = OperatorEnvironment.Namespace },
            Spec = new EcsCapacityProviderSpec
            {
                AutoScalingGroupProvider = new AutoScalingGroupProvider
                {
                    AutoScalingGroupArn = GroupArn,
                    ManagedScaling = new ManagedScaling { Status = "ENABLED", TargetCapacity = 90 },
                    ManagedTerminationProtection = "ENABLED",
                },
                Tags = [new Tag { Key = "team", Value = "shop" }],
            },
        }, Ct);
        var ready = await ReadyAsync(providers, "asg", p => p.Status, Describe);
        Assert.Equal("shop-asg", ready.Status!.Name);
        var live = await DescribeAsync();
        Assert.Equal(90, live.AutoScalingGroupProvider!.ManagedScaling!.TargetCapacity);
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/asg", live.Tags!.Single(t => t.Key == ApiGroup.OwnerTagKey).Value, StringComparison.Ordinal);

        // moto's answer (with its defaults) reads as in sync: resyncs write nothing.
        var reconciles = Env.ReconcileCountOf(EcsCapacityProvider.KindName);
        await Eventually(() => Env.ReconcileCountOf(EcsCapacityProvider.KindName) >= reconciles + 3, "three resyncs");
        Assert.Equal(ready.Metadata.ResourceVersion, (await providers.GetAsync(OperatorEnvironment.Namespace, "asg", Ct)).Metadata.ResourceVersion);

        await providers.ReplaceAsync(ready with { Spec = ready.Spec with { AutoScalingGroupProvider = ready.Spec.AutoScalingGroupProvider with { ManagedScaling = new ManagedScaling { Status = "ENABLED", TargetCapacity = 70 } } } }, Ct);
        await ReadyAsync(providers, "asg", p => p.Status, Describe);
        Assert.Equal(70, (await DescribeAsync()).AutoScalingGroupProvider!.ManagedScaling!.TargetCapacity);

        await providers.DeleteAsync(OperatorEnvironment.Namespace, "asg", cancellationToken: Ct);
        await Eventually(async () => await providers.TryGetAsync(OperatorEnvironment.Namespace, "asg", Ct) is null, "the EcsCapacityProvider gone");
        var after = await Ecs.DescribeCapacityProvidersAsync(new DescribeCapacityProvidersRequest { CapacityProviders = ["shop-asg"] }, Ct);
        Assert.Empty(after.CapacityProviders ?? []);
    }

    private async Task<CapacityProvider> DescribeAsync() =>
        (await Ecs.DescribeCapacityProvidersAsync(new DescribeCapacityProvidersRequest { CapacityProviders = ["shop-asg"], Include = ["TAGS"] }, Ct)).CapacityProviders!.Single();

    private static string Describe(EcsCapacityProvider p) => JsonSerializer.Serialize(p.Status, ApiJsonContext.Default.EcsCapacityProviderStatus);
}
