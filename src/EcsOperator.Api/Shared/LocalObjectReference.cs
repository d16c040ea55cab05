using System.ComponentModel.DataAnnotations;
using EcsOperator.Aws.Model;

namespace EcsOperator.Api.Shared;

/// <summary>A reference to another object of the expected kind in the same namespace.</summary>
public sealed record LocalObjectReference
{
    /// <summary>The <c>metadata.name</c> of the referenced object, in the same namespace.</summary>
    [Required]
    [SchemaLength(1, 253)]
    public required string Name { get; init; }
}
