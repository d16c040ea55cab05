using EcsOperator.Api;
using RestResourceType = EcsOperator.Kubernetes.Rest.ResourceType;

namespace EcsOperator.Hosting;

/// <summary>Our kinds as REST resources of the Kubernetes client.</summary>
public static class OperatorResourceTypes
{
    /// <summary>ecstaskdefinitions.</summary>
    public static RestResourceType TaskDefinitions { get; } = Of(Kinds.TaskDefinition);

    /// <summary>ecsservices.</summary>
    public static RestResourceType Services { get; } = Of(Kinds.Service);

    /// <summary>ecsclusters.</summary>
    public static RestResourceType Clusters { get; } = Of(Kinds.Cluster);

    /// <summary>ecstasks.</summary>
    public static RestResourceType Tasks { get; } = Of(Kinds.Task);

    /// <summary>ecscapacityproviders.</summary>
    public static RestResourceType CapacityProviders { get; } = Of(Kinds.CapacityProvider);

    public static RestResourceType Of(Api.KindDefinition kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return new RestResourceType(kind.Group, kind.Version, kind.Plural, kind.Kind, Namespaced: true);
    }
}
