namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// A resource of a container instance (botocore <c>Resource</c>): <c>CPU</c> and <c>MEMORY</c> as INTEGER,
/// <c>PORTS</c> and <c>PORTS_UDP</c> as STRINGSET of port numbers.
/// </summary>
public sealed record ContainerInstanceResource
{
    public string? Name { get; init; }

    public string? Type { get; init; }

    public double? DoubleValue { get; init; }

    public long? LongValue { get; init; }

    public int? IntegerValue { get; init; }

    public IReadOnlyList<string>? StringSetValue { get; init; }
}
