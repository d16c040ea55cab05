namespace EcsOperator.Kubernetes.Model;

/// <summary>Any object stored by the Kubernetes API: typed by apiVersion and kind, identified by its metadata.</summary>
public interface IKubernetesObject
{
    string ApiVersion { get; }

    string Kind { get; }

    ObjectMeta Metadata { get; }
}
