using System.Globalization;
using System.Text.RegularExpressions;
using EcsOperator.Api.Services;
using EcsOperator.Aws.Model.ApplicationAutoScaling;

namespace EcsOperator.Core.Validation;

/// <summary>
/// Checks a service's <c>spec.autoScaling</c> for what Application Auto Scaling would reject: capacity bounds,
/// one metric per target-tracking policy, unique policy names, contiguous step intervals, schedules and time zones.
/// </summary>
public static partial class AutoScalingValidator
{
    private const string UtilizationCpu = "ECSServiceAverageCPUUtilization";
    private const string UtilizationMemory = "ECSServiceAverageMemoryUtilization";
    private const string AlbRequestCount = "ALBRequestCountPerTarget";

    /// <summary>
    /// Every problem of <paramref name="autoScaling"/>; <paramref name="desiredCount"/> is the service's
    /// spec.desiredCount, which must lie within the bounds (the autoscaler would otherwise move it at once).
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(ServiceAutoScaling autoScaling, int? desiredCount, string path = "spec.autoScaling")
    {
        ArgumentNullException.ThrowIfNull(autoScaling);
        var errors = new FieldErrors();
        if (autoScaling.MinCapacity < 0)
            errors.Add($"{path}.minCapacity", $"minCapacity {autoScaling.MinCapacity} is negative: use 0 or more");
        if (autoScaling.MinCapacity > autoScaling.MaxCapacity)
            errors.Add($"{path}.minCapacity", $"minCapacity {autoScaling.MinCapacity} exceeds maxCapacity {autoScaling.MaxCapacity}: lower minCapacity or raise maxCapacity");
        else if (desiredCount is { } desired && (desired < autoScaling.MinCapacity || desired > autoScaling.MaxCapacity))
        {
            var parent = path.EndsWith(".autoScaling", StringComparison.Ordinal) ? path[..^".autoScaling".Length] : "spec";
            errors.Add($"{parent}.desiredCount",
                $"desiredCount {desired} is outside autoScaling's {autoScaling.MinCapacity}..{autoScaling.MaxCapacity}: the autoscaler owns the count and would move it at once; set desiredCount within the bounds or omit it");
        }

        var policyNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var targetTracking = autoScaling.TargetTracking ?? [];
        for (var i = 0; i < targetTracking.Count; i++)
        {
            var policy = targetTracking[i];
            var policyPath = FieldErrors.Item($"{path}.targetTracking", policy.Name, i);
            CheckPolicyName(policy.Name, policyPath, policyNames, errors);
            CheckTargetTracking(policy, policyPath, errors);
        }

        var stepScaling = autoScaling.StepScaling ?? [];
        for (var i = 0; i < stepScaling.Count; i++)
        {
            var policy = stepScaling[i];
            var policyPath = FieldErrors.Item($"{path}.stepScaling", policy.Name, i);
            CheckPolicyName(policy.Name, policyPath, policyNames, errors);
            CheckStepScaling(policy.StepScalingPolicyConfiguration, $"{policyPath}.stepScalingPolicyConfiguration", errors);
        }

        var scheduled = autoScaling.Scheduled ?? [];
        for (var i = 0; i < scheduled.Count; i++)
            CheckScheduled(scheduled[i], FieldErrors.Item($"{path}.scheduled", scheduled[i].Name, i), errors);
        foreach (var (key, index) in FieldErrors.Duplicates(scheduled, s => s.Name))
            errors.Add($"{FieldErrors.Item($"{path}.scheduled", key, index)}.name", $"scheduled action name '{key}' is used twice: give each scheduled action a unique name");

        return errors.ToList();
    }

    private static void CheckPolicyName(string? name, string policyPath, Dictionary<string, string> seen, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"{policyPath}.name", "every scaling policy needs a name: set name (unique across targetTracking and stepScaling)");
            return;
        }

        if (seen.TryGetValue(name, out var first))
            errors.Add($"{policyPath}.name", $"policy name '{name}' is already used by {first}: names must be unique across targetTracking and stepScaling");
        else
            seen[name] = policyPath;
    }

    private static void CheckTargetTracking(TargetTrackingPolicy policy, string path, FieldErrors errors)
    {
        var hasPredefined = policy.PredefinedMetric is not null;
        var hasCustom = policy.CustomizedMetricSpecification is not null;
        if (hasPredefined == hasCustom)
        {
            errors.Add(path, hasPredefined
                ? "set exactly one of predefinedMetric and customizedMetricSpecification, not both"
                : "set exactly one of predefinedMetric (e.g. ECSServiceAverageCPUUtilization) and customizedMetricSpecification");
        }

        if (policy.PredefinedMetric == AlbRequestCount)
        {
            if (string.IsNullOrWhiteSpace(policy.ResourceLabel))
                errors.Add($"{path}.resourceLabel", "ALBRequestCountPerTarget needs resourceLabel: app/<load-balancer>/<id>/targetgroup/<target-group>/<id>");
            else if (!ResourceLabelPattern().IsMatch(policy.ResourceLabel))
                errors.Add($"{path}.resourceLabel", $"'{policy.ResourceLabel}' is not a resource label: use app/<load-balancer>/<id>/targetgroup/<target-group>/<id>");
        }
        else if (policy.ResourceLabel is not null && hasPredefined)
        {
            errors.Add($"{path}.resourceLabel", $"resourceLabel is only used with ALBRequestCountPerTarget, not {policy.PredefinedMetric}: remove it");
        }

        if (policy.TargetValue <= 0 || double.IsNaN(policy.TargetValue) || double.IsInfinity(policy.TargetValue))
            errors.Add($"{path}.targetValue", $"targetValue {policy.TargetValue.ToString(CultureInfo.InvariantCulture)} must be above 0: set the value to keep the metric at, e.g. 60 for 60% CPU");
        else if (policy.PredefinedMetric is UtilizationCpu or UtilizationMemory && policy.TargetValue > 100)
            errors.Add($"{path}.targetValue", $"targetValue {policy.TargetValue.ToString(CultureInfo.InvariantCulture)} is a utilization percentage above 100: use a value up to 100, e.g. 60");

        if (policy.CustomizedMetricSpecification is { } custom)
        {
            var hasMath = custom.Metrics is { Count: > 0 };
            var hasSingle = custom.MetricName is not null || custom.Namespace is not null;
            if (hasMath && hasSingle)
                errors.Add($"{path}.customizedMetricSpecification", "set either metricName/namespace/statistic or metrics (metric math), not both");
            else if (!hasMath && (string.IsNullOrWhiteSpace(custom.MetricName) || string.IsNullOrWhiteSpace(custom.Namespace) || custom.Statistic is null))
                errors.Add($"{path}.customizedMetricSpecification", "a customized metric needs metricName, namespace and statistic (or metrics): set the CloudWatch metric to track");
        }
    }

    private static void CheckStepScaling(StepScalingPolicyConfiguration? configuration, string path, FieldErrors errors)
    {
        if (configuration is null)
        {
            errors.Add(path, "a step scaling policy needs stepScalingPolicyConfiguration with adjustmentType and stepAdjustments");
            return;
        }

        if (configuration.AdjustmentType is null)
            errors.Add($"{path}.adjustmentType", "adjustmentType is required: ChangeInCapacity, PercentChangeInCapacity or ExactCapacity");
        if (configuration.MinAdjustmentMagnitude is not null && configuration.AdjustmentType != "PercentChangeInCapacity")
            errors.Add($"{path}.minAdjustmentMagnitude", "minAdjustmentMagnitude only applies to adjustmentType PercentChangeInCapacity: remove it or change the adjustment type");

        var steps = configuration.StepAdjustments ?? [];
        if (steps.Count == 0)
        {
            errors.Add($"{path}.stepAdjustments", "a step scaling policy needs at least one step adjustment");
            return;
        }

        var valid = true;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var stepPath = FieldErrors.Item($"{path}.stepAdjustments", null, i);
            if (step.ScalingAdjustment is null)
                errors.Add($"{stepPath}.scalingAdjustment", "scalingAdjustment is required: how many tasks (or percent) to add, or remove with a negative number");
            if (step.MetricIntervalLowerBound is { } lower && step.MetricIntervalUpperBound is { } upper && lower >= upper)
            {
                errors.Add(stepPath, $"metricIntervalLowerBound {lower.ToString(CultureInfo.InvariantCulture)} must be below metricIntervalUpperBound {upper.ToString(CultureInfo.InvariantCulture)}: swap or fix the bounds");
                valid = false;
            }
        }

        if (steps.Count(s => s.MetricIntervalLowerBound is null) > 1)
        {
            errors.Add($"{path}.stepAdjustments", "only one step may omit metricIntervalLowerBound (unbounded below): give the others a lower bound");
            valid = false;
        }

        if (steps.Count(s => s.MetricIntervalUpperBound is null) > 1)
        {
            errors.Add($"{path}.stepAdjustments", "only one step may omit metricIntervalUpperBound (unbounded above): give the others an upper bound");
            valid = false;
        }

        if (!valid)
            return;

        // Sorted by lower bound, each step must start where the previous one ends: ranges may neither overlap nor leave a gap.
        var ordered = steps.Select((s, i) => (Step: s, Index: i))
            .OrderBy(x => x.Step.MetricIntervalLowerBound ?? double.NegativeInfinity).ToList();
        for (var k = 1; k < ordered.Count; k++)
        {
            var previousUpper = ordered[k - 1].Step.MetricIntervalUpperBound ?? double.PositiveInfinity;
            var lower = ordered[k].Step.MetricIntervalLowerBound ?? double.NegativeInfinity;
            if (previousUpper != lower)
            {
                var what = previousUpper > lower ? "overlaps" : "leaves a gap after";
                errors.Add($"{FieldErrors.Item($"{path}.stepAdjustments", null, ordered[k].Index)}.metricIntervalLowerBound",
                    $"this step {what} step {ordered[k - 1].Index.ToString(CultureInfo.InvariantCulture)} (which ends at {Bound(previousUpper)}): step intervals must be contiguous, so set metricIntervalLowerBound to {Bound(previousUpper)}");
            }
        }
    }

    private static string Bound(double value) =>
        double.IsPositiveInfinity(value) ? "+infinity (no upper bound)" : value.ToString(CultureInfo.InvariantCulture);

    private static void CheckScheduled(ScheduledScaling action, string path, FieldErrors errors)
    {
        if (ScheduleExpression.Check(action.Schedule) is { } problem)
            errors.Add($"{path}.schedule", problem);
        if (action.MinCapacity is null && action.MaxCapacity is null)
            errors.Add(path, "a scheduled action sets minCapacity, maxCapacity or both: set at least one");
        if (action.MinCapacity is { } min && action.MaxCapacity is { } max && min > max)
            errors.Add($"{path}.minCapacity", $"minCapacity {min} exceeds maxCapacity {max}: lower minCapacity or raise maxCapacity");
        if (action.StartTime is { } start && action.EndTime is { } end && start >= end)
            errors.Add($"{path}.endTime", $"endTime {end:u} is not after startTime {start:u}: move endTime later or startTime earlier");
        if (action.Timezone is { } zone && TimeZones.Check(zone) is { } zoneProblem)
            errors.Add($"{path}.timezone", zoneProblem);
    }

    [GeneratedRegex("^app/[^/]+/[^/]+/targetgroup/[^/]+/[^/]+$")]
    private static partial Regex ResourceLabelPattern();
}
