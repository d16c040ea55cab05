using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Api.Clusters;

/// <summary>
/// The desired ECS cluster: the CreateCluster parameters under their ECS names, plus the operator's policies.
/// </summary>
public sealed record EcsClusterSpec
{
    /// <summary>
    /// The name of the ECS cluster (up to 255 letters, numbers, hyphens and underscores). Defaults to metadata.name.
    /// Immutable.
    /// </summary>
    [SchemaLength(1, 255)]
    [RegularExpression("^[a-zA-Z0-9_-]+$")]
    public string? ClusterName { get; init; }

    /// <summary>
    /// The capacity providers to associate with the cluster: FARGATE, FARGATE_SPOT and/or names of Auto Scaling
    /// group capacity providers.
    /// </summary>
    [SchemaMaxLength(20)]
    [SetList]
    public IReadOnlyList<string>? CapacityProviders { get; init; }

    /// <summary>
    /// EcsCapacityProvider objects in this namespace (by metadata.name) whose ECS capacity providers the cluster
    /// associates, in addition to capacityProviders. The cluster waits until each is Ready; a strategy names them by
    /// their ECS name (status.name of the EcsCapacityProvider).
    /// </summary>
    [SchemaMaxLength(20)]
    [ListKey("name")]
    public IReadOnlyList<LocalObjectReference>? CapacityProviderRefs { get; init; }

    /// <summary>
    /// The strategy services and tasks use when they specify neither launchType nor capacityProviderStrategy
    /// (identified by capacityProvider; each must be one of capacityProviders).
    /// </summary>
    [SchemaMaxLength(20)]
    [ListKey("capacityProvider")]
    public IReadOnlyList<CapacityProviderStrategyItem>? DefaultCapacityProviderStrategy { get; init; }

    /// <summary>Cluster settings, e.g. containerInsights: enabled, enhanced or disabled.</summary>
    [ListKey("name")]
    public IReadOnlyList<ClusterSetting>? Settings { get; init; }

    /// <summary>The execute-command (ECS Exec) and managed storage configuration.</summary>
    public ClusterConfiguration? Configuration { get; init; }

    /// <summary>The default Service Connect namespace for services in the cluster.</summary>
    public ClusterServiceConnectDefaultsRequest? ServiceConnectDefaults { get; init; }

    /// <summary>Tags for the cluster (at most 50, identified by key). The operator adds its ownership tags.</summary>
    [SchemaMaxLength(50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>Delete deletes the cluster from AWS with this object (it must have no services or tasks left); Retain leaves it.</summary>
    [DefaultValue(DeletionPolicy.Delete)]
    public DeletionPolicy DeletionPolicy { get; init; } = DeletionPolicy.Delete;

    /// <summary>None refuses to manage an existing cluster of the same name the operator does not own (Stalled, NotOwned); Adopt takes it over.</summary>
    [DefaultValue(AdoptionPolicy.None)]
    public AdoptionPolicy AdoptionPolicy { get; init; } = AdoptionPolicy.None;

    /// <summary>Correct reverts changes made outside the operator; Report only reports them.</summary>
    [DefaultValue(DriftPolicy.Correct)]
    public DriftPolicy DriftPolicy { get; init; } = DriftPolicy.Correct;
}
