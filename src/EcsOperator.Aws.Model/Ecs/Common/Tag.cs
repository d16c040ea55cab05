using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The metadata that you apply to a resource to help you categorize and organize them. Each tag consists of a key
/// and an optional value.
/// </summary>
public sealed record Tag
{
    /// <summary>
    /// One part of a key-value pair that make up a tag. A key is a general label that acts like a category for more
    /// specific tag values.
    /// </summary>
    [Length(1, 128)]
    public string? Key { get; init; }

    /// <summary>
    /// The optional part of a key-value pair that make up a tag. A value acts as a descriptor within a tag category
    /// (key).
    /// </summary>
    [Length(0, 256)]
    public string? Value { get; init; }
}
