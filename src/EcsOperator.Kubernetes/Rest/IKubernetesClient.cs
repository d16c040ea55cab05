using System.Text.Json.Serialization.Metadata;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>Entry point of the REST client: hands out typed clients, so callers never build HTTP requests.</summary>
public interface IKubernetesClient
{
    /// <summary>The namespace from the configuration (in-cluster namespace file or the kubeconfig context).</summary>
    string DefaultNamespace { get; }

    /// <summary>A typed client for <paramref name="type"/>, (de)serializing with <paramref name="typeInfo"/>.</summary>
    IResourceClient<T> Resource<T>(ResourceType type, JsonTypeInfo<T> typeInfo)
        where T : class, IKubernetesObject;
}
