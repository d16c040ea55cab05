using System.Text.Json.Nodes;

namespace EcsOperator.Core.AutoScaling;

/// <summary>
/// What Application Auto Scaling assumes when a request leaves a member out, applied to both sides before comparing
/// so that a spec that omits a default and an AAS description that spells it out (or the reverse) agree.
/// </summary>
internal static class AutoScalingDefaults
{
    /// <summary>ECS services' default cooldowns (AAS user guide, "Define cooldown periods").</summary>
    public const int EcsCooldownSeconds = 300;

    public static void ApplyToPolicy(JsonObject policy)
    {
        if (policy["TargetTrackingScalingPolicyConfiguration"] is JsonObject targetTracking)
        {
            targetTracking["DisableScaleIn"] ??= false;
            targetTracking["ScaleInCooldown"] ??= EcsCooldownSeconds;
            targetTracking["ScaleOutCooldown"] ??= EcsCooldownSeconds;
        }

        if (policy["StepScalingPolicyConfiguration"] is JsonObject step)
        {
            step["MetricAggregationType"] ??= "Average";
            step["Cooldown"] ??= EcsCooldownSeconds;
        }
    }

    public static void ApplyToScheduledAction(JsonObject action) => action["Timezone"] ??= "UTC";
}
