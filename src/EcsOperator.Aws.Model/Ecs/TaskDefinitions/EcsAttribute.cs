namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// An attribute is a name-value pair that's associated with an Amazon ECS object. Use attributes to extend the
/// Amazon ECS data model by adding custom metadata to your resources.
/// </summary>
/// <remarks>Botocore shape <c>Attribute</c>; renamed so it does not clash with <c>System.Attribute</c>.</remarks>
public sealed record EcsAttribute
{
    public string? Name { get; init; }

    public string? Value { get; init; }

    public string? TargetType { get; init; }

    public string? TargetId { get; init; }
}
