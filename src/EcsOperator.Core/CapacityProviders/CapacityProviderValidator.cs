using EcsOperator.Api.CapacityProviders;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Validation;

namespace EcsOperator.Core.CapacityProviders;

/// <summary>
/// Checks an EcsCapacityProvider spec before any AWS call: the name ECS will get, the Auto Scaling group reference,
/// and the managed scaling rules ECS documents (termination protection only works with managed scaling; the
/// minimum scaling step cannot exceed the maximum).
/// </summary>
public static class CapacityProviderValidator
{
    /// <summary>Every problem of <paramref name="provider"/>'s spec.</summary>
    public static IReadOnlyList<FieldError> Validate(EcsCapacityProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var spec = provider.Spec;
        var errors = new FieldErrors();
        if (spec.Name is { } name)
        {
            if (!EcsReferences.IsName(name))
                errors.Add("spec.name", $"'{name}' is not a valid capacity provider name: use 1 to 255 letters, digits, - and _");
            else if (CapacityProviderTranslator.IsReserved(name))
                errors.Add("spec.name", $"'{name}' starts with aws, ecs or fargate, which ECS reserves: choose another name");
        }

        var asg = spec.AutoScalingGroupProvider;
        if (string.IsNullOrWhiteSpace(asg?.AutoScalingGroupArn))
        {
            errors.Add("spec.autoScalingGroupProvider.autoScalingGroupArn", "the Auto Scaling group is missing: set its ARN");
            return errors.ToList();
        }

        if (asg.AutoScalingGroupArn.StartsWith("arn:", StringComparison.Ordinal) && !IsAutoScalingGroupArn(asg.AutoScalingGroupArn))
        {
            errors.Add("spec.autoScalingGroupProvider.autoScalingGroupArn",
                $"'{asg.AutoScalingGroupArn}' is not an Auto Scaling group ARN (arn:aws:autoscaling:<region>:<account>:autoScalingGroup:<id>:autoScalingGroupName/<name>)");
        }

        var scaling = asg.ManagedScaling;
        if (asg.ManagedTerminationProtection == ManagedTerminationProtection.Enabled && scaling?.Status != ManagedScalingStatus.Enabled)
        {
            errors.Add("spec.autoScalingGroupProvider.managedTerminationProtection",
                "ENABLED needs managedScaling.status ENABLED: ECS documents that managed termination protection does not work without managed scaling");
        }

        if (scaling is { MinimumScalingStepSize: { } min, MaximumScalingStepSize: { } max } && min > max)
        {
            errors.Add("spec.autoScalingGroupProvider.managedScaling.minimumScalingStepSize",
                $"{min} exceeds maximumScalingStepSize {max}: ECS cannot scale out by at least {min} and at most {max} instances");
        }

        TagRules.Check(spec.Tags, "spec.tags", errors);
        return errors.ToList();
    }

    /// <summary>An Auto Scaling group ARN: service autoscaling, resource autoScalingGroup:…:autoScalingGroupName/….</summary>
    public static bool IsAutoScalingGroupArn(string arn) =>
        arn.Split(':', 6) is [_, _, "autoscaling", _, _, var resource]
        && resource.StartsWith("autoScalingGroup:", StringComparison.Ordinal)
        && resource.Contains(":autoScalingGroupName/", StringComparison.Ordinal);
}
