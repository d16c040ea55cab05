using EcsOperator.Api.Shared;

namespace EcsOperator.Api.Tests;

/// <summary>The condition contract of DESIGN section 3, which kstatus, Flux, Argo CD and kubectl wait rely on.</summary>
public sealed class ConditionContractTests
{
    [Fact]
    public void Condition_types_and_reasons_are_the_documented_ones()
    {
        Assert.Equal(["Ready", "Reconciling", "Stalled", "Drifted"], ConditionTypes.All);
        Assert.Equal(["Available", "RolloutInProgress", "Pending", "Deleting", "InvalidSpec", "AccessDenied", "NotOwned", "RolloutFailed", "DependencyNotFound", "ImmutableFieldChanged", "Forbidden", "TaskFailed", "ExternalDeploymentController", "RolledBackByAnnotation", "TasksNotPlaced"], ConditionReasons.ByConditionType["Ready"]);
        Assert.Equal(["Creating", "Updating", "RolloutInProgress", "RetryingAfterError", "Deleting", "TasksNotPlaced"], ConditionReasons.ByConditionType["Reconciling"]);
        Assert.Equal(["InvalidSpec", "AccessDenied", "NotOwned", "RolloutFailed", "DependencyNotFound", "ImmutableFieldChanged", "Forbidden", "TaskFailed", "ExternalDeploymentController", "RolledBackByAnnotation"], ConditionReasons.ByConditionType["Stalled"]);
        Assert.Equal(["DriftCorrected", "DriftReported"], ConditionReasons.ByConditionType["Drifted"]);
    }

    [Fact]
    public void Reasons_are_camel_case_words_as_metav1_condition_requires()
    {
        var pattern = new System.Text.RegularExpressions.Regex("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$");
        foreach (var reason in ConditionReasons.ByConditionType.Values.SelectMany(r => r))
        {
            Assert.Matches(pattern, reason);
        }
    }

    [Fact]
    public void Names_stamped_on_objects_and_aws_resources_live_under_the_api_group()
    {
        Assert.Equal("ecs.operator.dev/cleanup", ApiGroup.CleanupFinalizer);
        Assert.Equal("ecs.operator.dev/owner", ApiGroup.OwnerTagKey);
        Assert.Equal("ecs.operator.dev/v1alpha1", ApiGroup.ApiVersion);
    }
}
