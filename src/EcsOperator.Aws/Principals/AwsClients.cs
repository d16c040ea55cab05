using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Ecs;

namespace EcsOperator.Aws.Principals;

/// <summary>The ECS and Application Auto Scaling clients of one AWS principal.</summary>
public sealed record AwsClients(IEcsApi Ecs, IApplicationAutoScalingApi AutoScaling);
