using System.ComponentModel.DataAnnotations;
using EcsOperator.Aws.Model;

namespace EcsOperator.Api.Tenancy;

/// <summary>One set-based requirement of a <see cref="NamespaceSelector"/>.</summary>
public sealed record NamespaceSelectorRequirement
{
    /// <summary>The label key.</summary>
    [Required]
    [SchemaLength(1, 317)]
    public required string Key { get; init; }

    /// <summary>In, NotIn, Exists or DoesNotExist.</summary>
    [Required]
    [AllowedValues("In", "NotIn", "Exists", "DoesNotExist")]
    public required string Operator { get; init; }

    /// <summary>The values for In and NotIn (empty for Exists and DoesNotExist).</summary>
    [SchemaMaxLength(64)]
    public IReadOnlyList<string>? Values { get; init; }
}
