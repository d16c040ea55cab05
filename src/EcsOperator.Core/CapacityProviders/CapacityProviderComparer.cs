using System.Globalization;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Diffing;
using EcsOperator.Core.Ownership;

namespace EcsOperator.Core.CapacityProviders;

/// <summary>
/// Diffs a desired CreateCapacityProvider request against a described capacity provider (DescribeCapacityProviders
/// with include TAGS). Managed scaling members, termination protection and draining are compared when the spec sets
/// them (ECS fills in defaults for the rest); the Auto Scaling group cannot change. Tags follow the rule of clusters
/// and services (<see cref="ManagedTags"/>): the tags the spec names are set, a tag someone else added is left alone,
/// so adopting a provider never strips its existing tags.
/// </summary>
public static class CapacityProviderComparer
{
    private const string Asg = "autoScalingGroupProvider";

    public static CapacityProviderComparison Compare(CreateCapacityProviderRequest desired, CapacityProvider live)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(live);
        var differences = new List<FieldDifference>();
        var want = desired.AutoScalingGroupProvider ?? new AutoScalingGroupProvider();
        var have = live.AutoScalingGroupProvider ?? new AutoScalingGroupProvider();

        if (want.AutoScalingGroupArn is { } group && !SameGroup(group, have.AutoScalingGroupArn))
            differences.Add(new FieldDifference(Asg, $"{Asg}.autoScalingGroupArn", ChangeKind.Immutable, group, have.AutoScalingGroupArn));

        var updateNeeded = false;
        var wantScaling = want.ManagedScaling;
        var haveScaling = have.ManagedScaling ?? new ManagedScaling();
        if (wantScaling is not null)
        {
            const string Scaling = $"{Asg}.managedScaling";
            updateNeeded |= Differs(Scaling + ".status", wantScaling.Status, haveScaling.Status, differences);
            updateNeeded |= Differs(Scaling + ".targetCapacity", wantScaling.TargetCapacity, haveScaling.TargetCapacity, differences);
            updateNeeded |= Differs(Scaling + ".minimumScalingStepSize", wantScaling.MinimumScalingStepSize, haveScaling.MinimumScalingStepSize, differences);
            updateNeeded |= Differs(Scaling + ".maximumScalingStepSize", wantScaling.MaximumScalingStepSize, haveScaling.MaximumScalingStepSize, differences);
            updateNeeded |= Differs(Scaling + ".instanceWarmupPeriod", wantScaling.InstanceWarmupPeriod, haveScaling.InstanceWarmupPeriod, differences);
        }

        updateNeeded |= Differs($"{Asg}.managedTerminationProtection", want.ManagedTerminationProtection, have.ManagedTerminationProtection, differences);
        updateNeeded |= Differs($"{Asg}.managedDraining", want.ManagedDraining, have.ManagedDraining, differences);

        UpdateCapacityProviderRequest? update = null;
        if (updateNeeded)
        {
            update = new UpdateCapacityProviderRequest
            {
                Name = live.Name ?? desired.Name,
                AutoScalingGroupProvider = new AutoScalingGroupProviderUpdate
                {
                    // Members the spec leaves open keep their live values rather than falling back to ECS's defaults.
                    ManagedScaling = wantScaling is null ? null : new ManagedScaling
                    {
                        Status = wantScaling.Status ?? haveScaling.Status,
                        TargetCapacity = wantScaling.TargetCapacity ?? haveScaling.TargetCapacity,
                        MinimumScalingStepSize = wantScaling.MinimumScalingStepSize ?? haveScaling.MinimumScalingStepSize,
                        MaximumScalingStepSize = wantScaling.MaximumScalingStepSize ?? haveScaling.MaximumScalingStepSize,
                        InstanceWarmupPeriod = wantScaling.InstanceWarmupPeriod ?? haveScaling.InstanceWarmupPeriod,
                    },
                    ManagedTerminationProtection = want.ManagedTerminationProtection,
                    ManagedDraining = want.ManagedDraining,
                },
            };
        }

        var missing = ManagedTags.Missing(desired.Tags ?? [], live.Tags ?? [], differences);
        TagResourceRequest? tag = null;
        if (missing.Count > 0)
        {
            tag = new TagResourceRequest
            {
                ResourceArn = live.CapacityProviderArn ?? throw new ArgumentException("the live capacity provider's tags differ but it has no ARN to tag"),
                Tags = [.. missing],
            };
        }

        return new CapacityProviderComparison { Differences = differences, Update = update, TagResource = tag };
    }

    /// <summary>
    /// ECS takes the group's ARN or its name and reports the ARN: an ARN is compared exactly, a name against the
    /// ARN's autoScalingGroupName/ part.
    /// </summary>
    public static bool SameGroup(string desired, string? live) =>
        live is not null && (desired.StartsWith("arn:", StringComparison.Ordinal)
            ? desired == live
            : desired == live || live.EndsWith(":autoScalingGroupName/" + desired, StringComparison.Ordinal));

    private static bool Differs<TValue>(string path, TValue? desired, TValue? live, List<FieldDifference> differences)
    {
        if (desired is null || Equals(desired, live))
            return false;
        differences.Add(new FieldDifference(Asg, path, ChangeKind.InPlace, Text(desired), live is null ? null : Text(live)));
        return true;
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
