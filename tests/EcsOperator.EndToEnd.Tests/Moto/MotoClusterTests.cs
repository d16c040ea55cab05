using System.Text.Json;
using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Testing.Moto;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests.Moto;

/// <summary>
/// The EcsCluster controller, run by the real host against moto_server. Besides the calls landing, these prove that
/// what moto sends back reads as "in sync": a field our wire code mis-reads would show up as endless updates or a
/// Drifted condition on every resync.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoClusterTests(MotoServer moto) : MotoOperatorTest(moto)
{
    private const string Name = "payments";

    [Fact]
    public async Task Creating_creates_the_cluster_with_settings_and_tags_and_resyncs_find_it_in_sync()
    {
        await StartOperatorAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(200));

        await Env.Clusters.CreateAsync(NewCluster(Name), Ct);
        var ready = await WaitReadyAsync(Name);

        Assert.Equal($"arn:aws:ecs:us-east-1:123456789012:cluster/{Name}", ready.Status!.ClusterArn);
        Assert.Equal(("ACTIVE", Name), (ready.Status.Status, ready.Status.ClusterName));
        var live = await DescribeAsync(Name);
        Assert.Equal("enabled", Setting(live, "containerInsights"));
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/{Name}", Tag(live, ApiGroup.OwnerTagKey), StringComparison.Ordinal);
        Assert.Equal("payments", Tag(live, "team"));

        // Resyncs read moto's answer back and compare it with the spec: nothing to change, nothing written.
        var reconciles = Env.ClusterReconcileCount;
        await Eventually(() => Env.ClusterReconcileCount >= reconciles + 3, "three resyncs");
        var after = await Env.Clusters.GetAsync(OperatorEnvironment.Namespace, Name, Ct);
        Assert.Equal(ready.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.Null(Condition(after, ConditionTypes.Drifted));
    }

    [Fact]
    public async Task Changing_a_setting_and_a_tag_lands_in_moto()
    {
        await StartOperatorAsync();
        await Env.Clusters.CreateAsync(NewCluster(Name), Ct);
        await WaitReadyAsync(Name);

        await EditSpecAsync(Name, s => s with
        {
            Settings = [new ClusterSetting { Name = "containerInsights", Value = "disabled" }],
            Tags = [new Tag { Key = "team", Value = "billing" }],
        });
        var ready = await WaitReadyAsync(Name);

        var live = await DescribeAsync(Name);
        Assert.Equal("disabled", Setting(live, "containerInsights"));
        Assert.Equal("billing", Tag(live, "team"));
        Assert.NotNull(Tag(live, ApiGroup.OwnerTagKey));
        Assert.Null(Condition(ready, ConditionTypes.Drifted));
    }

    [Fact]
    public async Task Capacity_providers_and_the_default_strategy_land_in_moto()
    {
        await StartOperatorAsync();
        await Env.Clusters.CreateAsync(NewCluster(Name) with
        {
            Spec = NewCluster(Name).Spec with
            {
                CapacityProviders = ["FARGATE"],
                DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1, Base = 1 }],
            },
        }, Ct);
        await WaitReadyAsync(Name);
        var created = await DescribeAsync(Name);
        Assert.Equal(["FARGATE"], created.CapacityProviders!);
        Assert.Equal((1, 1), (created.DefaultCapacityProviderStrategy![0].Weight, created.DefaultCapacityProviderStrategy[0].Base));

        await EditSpecAsync(Name, s => s with
        {
            CapacityProviders = ["FARGATE", "FARGATE_SPOT"],
            DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 2 }],
        });
        var ready = await WaitReadyAsync(Name);

        var live = await DescribeAsync(Name);
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], live.CapacityProviders!.Order(StringComparer.Ordinal));
        var strategy = Assert.Single(live.DefaultCapacityProviderStrategy!);
        Assert.Equal(("FARGATE_SPOT", 2), (strategy.CapacityProvider, strategy.Weight));
        Assert.Null(Condition(ready, ConditionTypes.Drifted));
    }

    [Fact]
    public async Task A_setting_changed_behind_the_operators_back_is_set_back()
    {
        await StartOperatorAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        await Env.Clusters.CreateAsync(NewCluster(Name), Ct);
        await WaitReadyAsync(Name);

        await Ecs.UpdateClusterAsync(new UpdateClusterRequest
        {
            Cluster = Name,
            Settings = [new ClusterSetting { Name = "containerInsights", Value = "disabled" }],
        }, Ct);

        var settled = await Waits.ForAsync(Env.Clusters, Name, o => Condition(o, ConditionTypes.Drifted) is { Status: "False" }, StatusJson);
        Assert.Equal(ConditionReasons.DriftCorrected, Condition(settled, ConditionTypes.Drifted)!.Reason);
        Assert.Equal("enabled", Setting(await DescribeAsync(Name), "containerInsights"));
    }

    [Fact]
    public async Task Deleting_leaves_the_cluster_INACTIVE()
    {
        await StartOperatorAsync();
        await Env.Clusters.CreateAsync(NewCluster(Name), Ct);
        await WaitReadyAsync(Name);

        await Env.Clusters.DeleteAsync(OperatorEnvironment.Namespace, Name, cancellationToken: Ct);
        await Eventually(async () => await Env.Clusters.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is null, "the object is gone");

        Assert.Equal("INACTIVE", (await DescribeAsync(Name)).Status);
    }

    [Fact]
    public async Task Deleting_with_the_Retain_policy_leaves_the_cluster_ACTIVE()
    {
        await StartOperatorAsync();
        await Env.Clusters.CreateAsync(NewCluster(Name) with { Spec = NewCluster(Name).Spec with { DeletionPolicy = DeletionPolicy.Retain } }, Ct);
        await WaitReadyAsync(Name);

        await Env.Clusters.DeleteAsync(OperatorEnvironment.Namespace, Name, cancellationToken: Ct);
        await Eventually(async () => await Env.Clusters.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is null, "the object is gone");

        Assert.Equal("ACTIVE", (await DescribeAsync(Name)).Status);
    }

    private static EcsCluster NewCluster(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsClusterSpec
        {
            Settings = [new ClusterSetting { Name = "containerInsights", Value = "enabled" }],
            Tags = [new Tag { Key = "team", Value = "payments" }],
        },
    };

    private async Task<Cluster> DescribeAsync(string name)
    {
        var response = await Ecs.DescribeClustersAsync(
            new DescribeClustersRequest { Clusters = [name], Include = [ClusterField.Settings, ClusterField.Tags, ClusterField.Configurations] }, Ct);
        return Assert.Single(response.Clusters!);
    }

    /// <summary>Read-modify-write retrying on 409, as kubectl does.</summary>
    private async Task EditSpecAsync(string name, Func<EcsClusterSpec, EcsClusterSpec> edit)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await Env.Clusters.GetAsync(OperatorEnvironment.Namespace, name, Ct);
            try
            {
                await Env.Clusters.ReplaceAsync(current with { Spec = edit(current.Spec) }, Ct);
                return;
            }
            catch (ConflictException) when (attempt < 5)
            {
            }
        }
    }

    private Task<EcsCluster> WaitReadyAsync(string name) => Waits.ReadyAsync(Env.Clusters, name, o => o.Status, StatusJson);

    private static string StatusJson(EcsCluster obj) => JsonSerializer.Serialize(obj.Status, ApiJsonContext.Default.EcsClusterStatus);

    private static Condition? Condition(EcsCluster obj, string type) => obj.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private static string? Setting(Cluster cluster, string name) => cluster.Settings?.FirstOrDefault(s => s.Name == name)?.Value;

    private static string? Tag(Cluster cluster, string key) => cluster.Tags?.FirstOrDefault(t => t.Key == key)?.Value;
}
