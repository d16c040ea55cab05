using System.ComponentModel.DataAnnotations;
using EcsOperator.Api.Crds;
using EcsOperator.Aws.Model;

namespace EcsOperator.Api.Services;

/// <summary>A scheduled action: at the scheduled times, set the scalable target's minCapacity and/or maxCapacity.</summary>
[CelRule("has(self.minCapacity) || has(self.maxCapacity)", "a scheduled action sets minCapacity, maxCapacity or both")]
[CelRule("!has(self.minCapacity) || !has(self.maxCapacity) || self.minCapacity <= self.maxCapacity",
    "minCapacity must not exceed maxCapacity")]
public sealed record ScheduledScaling
{
    /// <summary>The scheduled action's name, unique within the service.</summary>
    [Required]
    [SchemaLength(1, 256)]
    public required string Name { get; init; }

    /// <summary>
    /// When to run: at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(minutes hours day-of-month month day-of-week year).
    /// </summary>
    [Required]
    [SchemaLength(1, 1600)]
    [RegularExpression(@"^(at|rate|cron)\(.+\)$")]
    public required string Schedule { get; init; }

    /// <summary>The IANA time zone of at and cron expressions (e.g. Europe/Berlin); UTC when omitted.</summary>
    [SchemaLength(1, 1600)]
    public string? Timezone { get; init; }

    /// <summary>The minimum capacity to set.</summary>
    [Range(0, int.MaxValue)]
    public int? MinCapacity { get; init; }

    /// <summary>The maximum capacity to set.</summary>
    [Range(0, int.MaxValue)]
    public int? MaxCapacity { get; init; }

    /// <summary>When the recurring schedule starts.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the recurring schedule ends.</summary>
    public DateTimeOffset? EndTime { get; init; }
}
