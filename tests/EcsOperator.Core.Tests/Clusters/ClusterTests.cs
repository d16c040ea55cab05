using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api.Clusters;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Clusters;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Core.Tests.Clusters;

public sealed class ClusterTests
{
    private const string Arn = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod";
    private const string Owner = "c/platform/prod";

    private static EcsCluster Cluster => new()
    {
        Metadata = new ObjectMeta { Name = "prod", Namespace = "platform", Uid = "6b0f3c1e-7d1f-4a57-9f5e-0c9a2b1d4e11" },
        Spec = new EcsClusterSpec
        {
            CapacityProviders = ["FARGATE", "FARGATE_SPOT"],
            DefaultCapacityProviderStrategy =
            [
                new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Base = 1, Weight = 1 },
                new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 3 },
            ],
            Settings = [new ClusterSetting { Name = "containerInsights", Value = "disabled" }],
            Tags = [new Tag { Key = "team", Value = "shop" }],
        },
    };

    private static CreateClusterRequest Desired => ClusterTranslator.ToCreateRequest(Cluster, Owner);

    /// <summary>What DescribeClusters (include SETTINGS, CONFIGURATIONS, TAGS) reports for a cluster created from the request.</summary>
    internal static Cluster Described(CreateClusterRequest request) => new()
    {
        ClusterArn = Arn,
        ClusterName = request.ClusterName,
        Status = "ACTIVE",
        RegisteredContainerInstancesCount = 0,
        RunningTasksCount = 4,
        PendingTasksCount = 1,
        ActiveServicesCount = 2,
        Statistics = [],
        // ECS drops containerInsights=disabled (the default) from the description and reports providers in its own order.
        Settings = request.Settings?.Where(s => s.Value != "disabled").ToList(),
        CapacityProviders = request.CapacityProviders?.Reverse().ToList() ?? [],
        DefaultCapacityProviderStrategy = request.DefaultCapacityProviderStrategy?
            .Select(i => i with { Base = i.Base ?? 0, Weight = i.Weight ?? 0 }).Reverse().ToList() ?? [],
        Tags = [.. request.Tags!.Reverse(), new Tag { Key = "aws:cloudformation:stack-name", Value = "legacy" }],
        Attachments = [],
        AttachmentsStatus = "UPDATE_COMPLETE",
    };

    [Fact]
    public void The_create_request_names_the_cluster_after_the_object_and_adds_the_owner_tag()
    {
        var json = JsonSerializer.SerializeToNode(Desired, EcsJsonContext.Default.CreateClusterRequest)!;
        var expected = JsonNode.Parse("""
            {"clusterName":"prod",
             "tags":[{"key":"team","value":"shop"},{"key":"ecs.operator.dev/owner","value":"c/platform/prod"}],
             "settings":[{"name":"containerInsights","value":"disabled"}],
             "capacityProviders":["FARGATE","FARGATE_SPOT"],
             "defaultCapacityProviderStrategy":[{"capacityProvider":"FARGATE","weight":1,"base":1},{"capacityProvider":"FARGATE_SPOT","weight":3}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
    }

    [Fact]
    public void Spec_cluster_name_wins_and_a_spec_owner_tag_cannot_impersonate()
    {
        var cluster = Cluster with
        {
            Spec = Cluster.Spec with { ClusterName = "prod-eu", Tags = [new Tag { Key = "ecs.operator.dev/owner", Value = "someone-else" }] },
        };
        var request = ClusterTranslator.ToCreateRequest(cluster, Owner);
        Assert.Equal("prod-eu", request.ClusterName);
        Assert.Equal(Owner, Assert.Single(request.Tags!).Value);
    }

    [Fact]
    public void A_cluster_created_from_the_spec_is_in_sync()
    {
        var comparison = ClusterComparer.Compare(Desired, Described(Desired));
        Assert.True(comparison.InSync, string.Join("; ", comparison.Differences));
        Assert.Null(comparison.Update);
        Assert.Null(comparison.PutCapacityProviders);
        Assert.Null(comparison.TagResource);
    }

    [Fact]
    public void Turning_on_container_insights_is_an_update_cluster_of_the_settings_only()
    {
        var live = Described(Desired);
        var desired = Desired with { Settings = [new ClusterSetting { Name = "containerInsights", Value = "enhanced" }] };

        var comparison = ClusterComparer.Compare(desired, live);

        var difference = Assert.Single(comparison.Differences);
        Assert.Equal("settings", difference.Field);
        var update = JsonSerializer.SerializeToNode(comparison.Update!, EcsJsonContext.Default.UpdateClusterRequest)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"cluster":"{{Arn}}","settings":[{"name":"containerInsights","value":"enhanced"}]}"""), update), update.ToJsonString());
        Assert.Null(comparison.PutCapacityProviders);
    }

    [Fact]
    public void A_changed_strategy_sends_both_capacity_provider_lists_in_full()
    {
        var live = Described(Desired);
        var desired = Desired with
        {
            DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Base = 1, Weight = 1 }],
        };

        var comparison = ClusterComparer.Compare(desired, live);

        Assert.Equal("defaultCapacityProviderStrategy", Assert.Single(comparison.Differences).Field);
        var put = JsonSerializer.SerializeToNode(comparison.PutCapacityProviders!, EcsJsonContext.Default.PutClusterCapacityProvidersRequest)!;
        var expected = JsonNode.Parse($$"""
            {"cluster":"{{Arn}}","capacityProviders":["FARGATE","FARGATE_SPOT"],
             "defaultCapacityProviderStrategy":[{"capacityProvider":"FARGATE","weight":1,"base":1}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, put), put.ToJsonString());
        Assert.Null(comparison.Update);
    }

    [Fact]
    public void A_capacity_provider_added_outside_the_spec_is_a_difference()
    {
        var live = Described(Desired) with { CapacityProviders = ["FARGATE", "FARGATE_SPOT", "asg-provider"] };

        var comparison = ClusterComparer.Compare(Desired, live);

        Assert.Equal("capacityProviders", Assert.Single(comparison.Differences).Field);
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], comparison.PutCapacityProviders!.CapacityProviders);
    }

    [Fact]
    public void Tags_the_spec_names_are_added_or_changed_and_tags_it_does_not_name_are_left_alone()
    {
        var live = Described(Desired) with
        {
            Tags =
            [
                new Tag { Key = "team", Value = "checkout" },
                new Tag { Key = OwnershipTagsKey, Value = Owner },
                new Tag { Key = "cost-center", Value = "42" },
                new Tag { Key = "aws:cloudformation:stack-name", Value = "legacy" },
            ],
        };
        var desired = Desired with { Tags = [.. Desired.Tags!, new Tag { Key = "env", Value = "prod" }] };

        var comparison = ClusterComparer.Compare(desired, live);

        Assert.Equal(Arn, comparison.TagResource!.ResourceArn);
        Assert.Equal(new (string?, string?)[] { ("env", "prod"), ("team", "shop") }, comparison.TagResource.Tags!.Select(t => (t.Key, t.Value)));
        // cost-center is not in the spec: someone else's tag, neither a difference nor removed.
        Assert.DoesNotContain(comparison.Differences, d => d.Path.Contains("cost-center", StringComparison.Ordinal));
        Assert.Equal(2, comparison.Differences.Count);
        Assert.All(comparison.Differences, d => Assert.Equal("tags", d.Field));
    }

    private const string OwnershipTagsKey = EcsOperator.Core.Ownership.OwnershipTags.OwnerKey;

    [Fact]
    public void Status_carries_identity_and_counts_and_keeps_conditions()
    {
        var live = Described(Desired);
        var status = ClusterStatusCalculator.From(new EcsClusterStatus { ObservedGeneration = 3 }, live);

        Assert.Equal((3L, Arn, "prod", "ACTIVE", 4, 1, 2, 0),
            (status.ObservedGeneration, status.ClusterArn, status.ClusterName, status.Status, status.RunningTasksCount,
             status.PendingTasksCount, status.ActiveServicesCount, status.RegisteredContainerInstancesCount));
        Assert.True(ClusterStatusCalculator.IsActive(live));
        Assert.False(ClusterStatusCalculator.IsActive(live with { AttachmentsStatus = "UPDATE_IN_PROGRESS" }));
        Assert.False(ClusterStatusCalculator.IsActive(live with { Status = "PROVISIONING" }));
        Assert.True(ClusterStatusCalculator.IsFailed(live with { AttachmentsStatus = "UPDATE_FAILED" }));
        Assert.True(ClusterStatusCalculator.IsGone(live with { Status = "INACTIVE" }));
    }
}
