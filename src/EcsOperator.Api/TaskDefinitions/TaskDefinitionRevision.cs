using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Api.TaskDefinitions;

/// <summary>One retained revision of the family.</summary>
public sealed record TaskDefinitionRevision
{
    /// <summary>The revision number within the family.</summary>
    [Required]
    public required int Revision { get; init; }

    /// <summary>The ARN of the revision.</summary>
    public string? TaskDefinitionArn { get; init; }

    /// <summary>The spec hash the revision was registered for.</summary>
    public string? SpecHash { get; init; }

    /// <summary>When the revision was registered.</summary>
    public DateTimeOffset? RegisteredAt { get; init; }
}
