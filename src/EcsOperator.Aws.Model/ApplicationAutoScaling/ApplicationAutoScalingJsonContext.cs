using System.Text.Json.Serialization;

namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Source-generated JSON metadata for every Application Auto Scaling request and response. Its wire names are
/// PascalCase like the C# properties, so no naming policy; nulls are omitted; timestamps are epoch seconds.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(RegisterScalableTargetRequest))]
[JsonSerializable(typeof(RegisterScalableTargetResponse))]
[JsonSerializable(typeof(DescribeScalableTargetsRequest))]
[JsonSerializable(typeof(DescribeScalableTargetsResponse))]
[JsonSerializable(typeof(DeregisterScalableTargetRequest))]
[JsonSerializable(typeof(DeregisterScalableTargetResponse))]
[JsonSerializable(typeof(PutScalingPolicyRequest))]
[JsonSerializable(typeof(PutScalingPolicyResponse))]
[JsonSerializable(typeof(DescribeScalingPoliciesRequest))]
[JsonSerializable(typeof(DescribeScalingPoliciesResponse))]
[JsonSerializable(typeof(DeleteScalingPolicyRequest))]
[JsonSerializable(typeof(DeleteScalingPolicyResponse))]
[JsonSerializable(typeof(PutScheduledActionRequest))]
[JsonSerializable(typeof(PutScheduledActionResponse))]
[JsonSerializable(typeof(DescribeScheduledActionsRequest))]
[JsonSerializable(typeof(DescribeScheduledActionsResponse))]
[JsonSerializable(typeof(DeleteScheduledActionRequest))]
[JsonSerializable(typeof(DeleteScheduledActionResponse))]
[JsonSerializable(typeof(DescribeScalingActivitiesRequest))]
[JsonSerializable(typeof(DescribeScalingActivitiesResponse))]
[JsonSerializable(typeof(TagResourceRequest))]
[JsonSerializable(typeof(TagResourceResponse))]
[JsonSerializable(typeof(ListTagsForResourceRequest))]
[JsonSerializable(typeof(ListTagsForResourceResponse))]
public sealed partial class ApplicationAutoScalingJsonContext : JsonSerializerContext;
