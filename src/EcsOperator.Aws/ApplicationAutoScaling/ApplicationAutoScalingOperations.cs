using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.ApplicationAutoScaling;

/// <summary>
/// The Application Auto Scaling operations the operator calls, each with the client-side rate-limit family it
/// draws from: Describe and List operations are reads, everything else mutates.
/// </summary>
public static class ApplicationAutoScalingOperations
{
    public static readonly AwsOperation RegisterScalableTarget = Mutate(nameof(RegisterScalableTarget));
    public static readonly AwsOperation DescribeScalableTargets = Read(nameof(DescribeScalableTargets));
    public static readonly AwsOperation DeregisterScalableTarget = Mutate(nameof(DeregisterScalableTarget));
    public static readonly AwsOperation PutScalingPolicy = Mutate(nameof(PutScalingPolicy));
    public static readonly AwsOperation DescribeScalingPolicies = Read(nameof(DescribeScalingPolicies));
    public static readonly AwsOperation DeleteScalingPolicy = Mutate(nameof(DeleteScalingPolicy));
    public static readonly AwsOperation PutScheduledAction = Mutate(nameof(PutScheduledAction));
    public static readonly AwsOperation DescribeScheduledActions = Read(nameof(DescribeScheduledActions));
    public static readonly AwsOperation DeleteScheduledAction = Mutate(nameof(DeleteScheduledAction));
    public static readonly AwsOperation DescribeScalingActivities = Read(nameof(DescribeScalingActivities));
    public static readonly AwsOperation TagResource = Mutate(nameof(TagResource));
    public static readonly AwsOperation ListTagsForResource = Read(nameof(ListTagsForResource));

    /// <summary>Every operation above, in declaration order.</summary>
    public static readonly IReadOnlyList<AwsOperation> All =
    [
        RegisterScalableTarget,
        DescribeScalableTargets,
        DeregisterScalableTarget,
        PutScalingPolicy,
        DescribeScalingPolicies,
        DeleteScalingPolicy,
        PutScheduledAction,
        DescribeScheduledActions,
        DeleteScheduledAction,
        DescribeScalingActivities,
        TagResource,
        ListTagsForResource,
    ];

    private static AwsOperation Mutate(string name) =>
        new(AwsService.ApplicationAutoScaling, name, OperationFamily.Mutate);

    private static AwsOperation Read(string name) =>
        new(AwsService.ApplicationAutoScaling, name, OperationFamily.Read);
}
