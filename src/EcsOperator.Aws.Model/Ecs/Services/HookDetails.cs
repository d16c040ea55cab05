namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The HookDetails shape.
/// </summary>
public sealed record HookDetails
{
}
