namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Use this parameter to set a default Service Connect namespace. After you set a default Service Connect
/// namespace, any new services with Service Connect turned on that are created in the cluster are added as client
/// services in the namespace.
/// </summary>
public sealed record ClusterServiceConnectDefaults
{
    public string? Namespace { get; init; }
}
