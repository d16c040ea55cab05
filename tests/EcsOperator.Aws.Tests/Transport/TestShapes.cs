using System.Text.Json.Serialization;

namespace EcsOperator.Aws.Tests.Transport;

// Tiny request/response shapes defined here so the transport is tested independently of the real ECS model.
public sealed record CreateClusterRequest(string ClusterName);

public sealed record ClusterShape(string? ClusterArn, string? ClusterName, string? Status);

public sealed record CreateClusterResponse(ClusterShape? Cluster);

public sealed record ListClustersRequest(int? MaxResults = null);

public sealed record ListClustersResponse(IReadOnlyList<string>? ClusterArns);

public sealed record DescribeServicesRequest(string Cluster, IReadOnlyList<string> Services);

public sealed record DeleteClusterRequest(string Cluster);

public sealed record DescribeTaskDefinitionRequest(string TaskDefinition);

public sealed record DescribeScalableTargetsRequest(string ServiceNamespace);

public sealed record ScalableTargetShape(string? ServiceNamespace, string? ResourceId, string? ScalableDimension, int? MinCapacity, int? MaxCapacity);

public sealed record DescribeScalableTargetsResponse(IReadOnlyList<ScalableTargetShape>? ScalableTargets);

public sealed record RegisterScalableTargetRequest(
    string ServiceNamespace, string ResourceId, string ScalableDimension, int MinCapacity, int MaxCapacity);

public sealed record DeleteScalingPolicyRequest(string PolicyName, string ServiceNamespace, string ResourceId, string ScalableDimension);

public sealed record EmptyResponse;

public sealed record ContainerDefinitionShape(string Name, string Image, int Memory);

public sealed record RegisterTaskDefinitionRequest(string Family, IReadOnlyList<ContainerDefinitionShape> ContainerDefinitions);

public sealed record CreateServiceRequest(string Cluster, string ServiceName, string TaskDefinition, int DesiredCount);

public sealed record PingRequest(string Value);

public sealed record PingResponse(string? Echo);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateClusterRequest))]
[JsonSerializable(typeof(CreateClusterResponse))]
[JsonSerializable(typeof(ListClustersRequest))]
[JsonSerializable(typeof(ListClustersResponse))]
[JsonSerializable(typeof(DescribeServicesRequest))]
[JsonSerializable(typeof(DeleteClusterRequest))]
[JsonSerializable(typeof(DescribeTaskDefinitionRequest))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(RegisterTaskDefinitionRequest))]
[JsonSerializable(typeof(CreateServiceRequest))]
[JsonSerializable(typeof(PingRequest))]
[JsonSerializable(typeof(PingResponse))]
public sealed partial class TestJsonContext : JsonSerializerContext;

// Application Auto Scaling names its JSON members in PascalCase, unlike ECS.
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DescribeScalableTargetsRequest))]
[JsonSerializable(typeof(DescribeScalableTargetsResponse))]
[JsonSerializable(typeof(RegisterScalableTargetRequest))]
[JsonSerializable(typeof(DeleteScalingPolicyRequest))]
[JsonSerializable(typeof(EmptyResponse))]
public sealed partial class TestAasJsonContext : JsonSerializerContext;
