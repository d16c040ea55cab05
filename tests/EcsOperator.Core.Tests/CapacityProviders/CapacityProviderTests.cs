using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.CapacityProviders;
using EcsOperator.Core.Clusters;
using EcsOperator.Core.Diffing;
using EcsOperator.Core.Ownership;
using EcsOperator.Core.Validation;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Core.Tests.CapacityProviders;

public sealed class CapacityProviderTests
{
    private const string GroupArn = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:0f1e2d3c-aaaa-bbbb-cccc-123456789012:autoScalingGroupName/shop-asg";
    private const string Owner = "c/shop/asg";

    private static EcsCapacityProvider Provider(Func<EcsCapacityProviderSpec, EcsCapacityProviderSpec>? change = null, string ns = "shop", string name = "asg")
    {
        var spec = new EcsCapacityProviderSpec
        {
            AutoScalingGroupProvider = new AutoScalingGroupProvider
            {
                AutoScalingGroupArn = GroupArn,
                ManagedScaling = new ManagedScaling { Status = "ENABLED", TargetCapacity = 90, MaximumScalingStepSize = 2 },
                ManagedTerminationProtection = "ENABLED",
                ManagedDraining = "ENABLED",
            },
            Tags = [new Tag { Key = "team", Value = "shop" }],
        };
        return new EcsCapacityProvider { Metadata = new ObjectMeta { Name = name, Namespace = ns }, Spec = change?.Invoke(spec) ?? spec };
    }

    /// <summary>What DescribeCapacityProviders (include TAGS) reports for a provider created from the request: ECS fills in its defaults.</summary>
    private static CapacityProvider Described(CreateCapacityProviderRequest request) => new()
    {
        CapacityProviderArn = "arn:aws:ecs:eu-west-1:123456789012:capacity-provider/" + request.Name,
        Name = request.Name,
        Status = "ACTIVE",
        UpdateStatus = "CREATE_COMPLETE",
        Type = "EC2_AUTOSCALING",
        AutoScalingGroupProvider = request.AutoScalingGroupProvider! with
        {
            ManagedScaling = request.AutoScalingGroupProvider!.ManagedScaling! with { MinimumScalingStepSize = 1, InstanceWarmupPeriod = 300 },
        },
        Tags = [.. request.Tags!.Reverse(), new Tag { Key = "aws:cloudformation:stack-name", Value = "legacy" }],
    };

    [Fact]
    public void The_name_defaults_to_namespace_and_name_and_never_starts_with_a_prefix_ECS_reserves()
    {
        Assert.Equal("shop-asg", CapacityProviderTranslator.Name(Provider()));
        Assert.Equal("cp-ecs-apps-asg", CapacityProviderTranslator.Name(Provider(ns: "ecs-apps")));
        Assert.Equal("cp-Fargate-x", CapacityProviderTranslator.DefaultName("Fargate", "x"));
        Assert.Equal("team-a-b-c", CapacityProviderTranslator.DefaultName("team-a", "b.c"));
        Assert.Equal("mine", CapacityProviderTranslator.Name(Provider(s => s with { Name = "mine" })));
        var longName = CapacityProviderTranslator.DefaultName(new string('n', 63), new string('o', 253));
        Assert.Equal(255, longName.Length);
        Assert.NotEqual(longName, CapacityProviderTranslator.DefaultName(new string('n', 63), new string('o', 252) + "p"));
    }

    [Fact]
    public void The_create_request_carries_the_spec_and_the_owner_tag_which_a_spec_tag_cannot_override()
    {
        var request = CapacityProviderTranslator.ToCreateRequest(
            Provider(s => s with { Tags = [new Tag { Key = "team", Value = "shop" }, new Tag { Key = OwnershipTags.OwnerKey, Value = "someone-else" }] }), Owner);
        Assert.Equal("shop-asg", request.Name);
        Assert.Equal(GroupArn, request.AutoScalingGroupProvider!.AutoScalingGroupArn);
        Assert.Equal(90, request.AutoScalingGroupProvider.ManagedScaling!.TargetCapacity);
        Assert.Null(request.Cluster);
        Assert.Equal(Owner, Assert.Single(request.Tags!, t => t.Key == OwnershipTags.OwnerKey).Value);
    }

    [Fact]
    public void A_provider_as_ECS_describes_it_with_its_defaults_is_in_sync()
    {
        var desired = CapacityProviderTranslator.ToCreateRequest(Provider(), Owner);
        var comparison = CapacityProviderComparer.Compare(desired, Described(desired));
        Assert.True(comparison.InSync, string.Join("; ", comparison.Differences));
        Assert.Null(comparison.Update);
    }

    [Fact]
    public void A_changed_target_capacity_is_one_UpdateCapacityProvider_that_keeps_the_live_values_the_spec_leaves_open()
    {
        var desired = CapacityProviderTranslator.ToCreateRequest(Provider(), Owner);
        var live = Described(desired);
        live = live with { AutoScalingGroupProvider = live.AutoScalingGroupProvider! with { ManagedScaling = live.AutoScalingGroupProvider.ManagedScaling! with { TargetCapacity = 100 }, ManagedDraining = "DISABLED" } };

        var comparison = CapacityProviderComparer.Compare(desired, live);

        Assert.Equal(["autoScalingGroupProvider.managedScaling.targetCapacity", "autoScalingGroupProvider.managedDraining"], comparison.Differences.Select(d => d.Path));
        var update = Assert.IsType<UpdateCapacityProviderRequest>(comparison.Update);
        Assert.Equal("shop-asg", update.Name);
        Assert.Equal(90, update.AutoScalingGroupProvider!.ManagedScaling!.TargetCapacity);
        Assert.Equal(300, update.AutoScalingGroupProvider.ManagedScaling.InstanceWarmupPeriod);
        Assert.Equal(1, update.AutoScalingGroupProvider.ManagedScaling.MinimumScalingStepSize);
        Assert.Equal("ENABLED", update.AutoScalingGroupProvider.ManagedDraining);
        Assert.Empty(comparison.Immutable);
    }

    [Fact]
    public void Another_Auto_Scaling_group_is_immutable_but_its_name_matches_its_ARN()
    {
        var desired = CapacityProviderTranslator.ToCreateRequest(Provider(), Owner);
        var live = Described(desired);
        var moved = desired with { AutoScalingGroupProvider = desired.AutoScalingGroupProvider! with { AutoScalingGroupArn = GroupArn.Replace("shop-asg", "other", StringComparison.Ordinal) } };
        var immutable = Assert.Single(CapacityProviderComparer.Compare(moved, live).Immutable);
        Assert.Equal("autoScalingGroupProvider.autoScalingGroupArn", immutable.Path);
        Assert.Equal(ChangeKind.Immutable, immutable.Kind);

        var byName = desired with { AutoScalingGroupProvider = desired.AutoScalingGroupProvider! with { AutoScalingGroupArn = "shop-asg" } };
        Assert.True(CapacityProviderComparer.Compare(byName, live).InSync);
    }

    [Fact]
    public void Tags_the_spec_names_are_set_and_tags_someone_else_added_are_left_alone()
    {
        var desired = CapacityProviderTranslator.ToCreateRequest(Provider(), Owner);
        var live = Described(desired);
        live = live with { Tags = [.. live.Tags!.Where(t => t.Key != "team"), new Tag { Key = "extra", Value = "x" }] };
        var comparison = CapacityProviderComparer.Compare(desired, live);
        Assert.Equal("team", Assert.Single(comparison.TagResource!.Tags!).Key);
        Assert.Equal(live.CapacityProviderArn, comparison.TagResource.ResourceArn);
        Assert.Equal(["tags[team]"], comparison.Differences.Select(d => d.Path));

        // An adopted provider keeps the tags it had: only the spec's and the owner tag are added.
        var adopted = live with { Tags = [new Tag { Key = "cost-center", Value = "42" }] };
        var adoption = CapacityProviderComparer.Compare(desired, adopted);
        Assert.Equal(desired.Tags!.Select(t => t.Key).Order(StringComparer.Ordinal), adoption.TagResource!.Tags!.Select(t => t.Key));
        Assert.True(CapacityProviderComparer.Compare(desired, live with { Tags = [.. desired.Tags!, new Tag { Key = "extra", Value = "x" }] }).InSync);
    }

    [Fact]
    public void Validation_refuses_reserved_names_termination_protection_without_managed_scaling_and_inverted_steps()
    {
        Assert.Empty(CapacityProviderValidator.Validate(Provider()));
        var errors = CapacityProviderValidator.Validate(Provider(s => s with
        {
            Name = "ECS-mine",
            AutoScalingGroupProvider = s.AutoScalingGroupProvider with
            {
                ManagedScaling = new ManagedScaling { Status = "DISABLED", MinimumScalingStepSize = 5, MaximumScalingStepSize = 2 },
            },
        }));
        Assert.Equal(
            ["spec.name", "spec.autoScalingGroupProvider.managedTerminationProtection", "spec.autoScalingGroupProvider.managedScaling.minimumScalingStepSize"],
            errors.Select(e => e.Path));

        var notAnAsg = CapacityProviderValidator.Validate(Provider(s => s with
        {
            AutoScalingGroupProvider = s.AutoScalingGroupProvider with { AutoScalingGroupArn = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod" },
        }));
        Assert.Equal("spec.autoScalingGroupProvider.autoScalingGroupArn", Assert.Single(notAnAsg).Path);
    }

    [Fact]
    public void Status_reads_identity_and_update_state_and_tells_ready_failed_and_gone()
    {
        var live = Described(CapacityProviderTranslator.ToCreateRequest(Provider(), Owner));
        var status = CapacityProviderStatusCalculator.From(new EcsCapacityProviderStatus { ObservedGeneration = 3 }, live);
        Assert.Equal(3, status.ObservedGeneration);
        Assert.Equal("shop-asg", status.Name);
        Assert.Equal(GroupArn, status.AutoScalingGroupArn);
        Assert.Equal("CREATE_COMPLETE", status.UpdateStatus);
        Assert.True(CapacityProviderStatusCalculator.IsActive(live));
        Assert.False(CapacityProviderStatusCalculator.IsActive(live with { UpdateStatus = "UPDATE_IN_PROGRESS" }));
        Assert.True(CapacityProviderStatusCalculator.IsFailed(live with { UpdateStatus = "UPDATE_FAILED" }));
        Assert.True(CapacityProviderStatusCalculator.IsDeleting(live with { UpdateStatus = "DELETE_IN_PROGRESS" }));
        Assert.True(CapacityProviderStatusCalculator.IsGone(live with { Status = "INACTIVE", UpdateStatus = "DELETE_COMPLETE" }));
    }

    [Fact]
    public void A_cluster_associates_its_referenced_providers_after_its_own_and_its_strategy_may_name_them()
    {
        var cluster = new EcsCluster
        {
            Metadata = new ObjectMeta { Name = "prod", Namespace = "shop" },
            Spec = new EcsClusterSpec
            {
                CapacityProviders = ["FARGATE"],
                CapacityProviderRefs = [new LocalObjectReference { Name = "asg" }],
                DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "shop-asg", Weight = 1 }],
            },
        };
        Assert.Equal(["FARGATE", "shop-asg"], ClusterTranslator.ToCreateRequest(cluster, Owner, ["shop-asg"]).CapacityProviders);
        Assert.Equal(["FARGATE"], ClusterTranslator.ToCreateRequest(cluster, Owner).CapacityProviders);
        // Refs emptied: the cluster is to have no provider beyond capacityProviders, so the comparer removes the rest.
        Assert.Empty(ClusterTranslator.ToCreateRequest(cluster with { Spec = cluster.Spec with { CapacityProviders = null, CapacityProviderRefs = [] } }, Owner).CapacityProviders!);
        Assert.Empty(ClusterValidator.Validate(cluster.Spec, "prod"));
        Assert.NotEmpty(ClusterValidator.Validate(cluster.Spec with { CapacityProviderRefs = null }, "prod"));
    }
}
