using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api.Services;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Core.Diffing;
using EcsOperator.Core.Hashing;

namespace EcsOperator.Core.AutoScaling;

/// <summary>
/// Diffs a service's <c>spec.autoScaling</c> against the live scalable target, scaling policies and scheduled
/// actions, and plans the fewest Application Auto Scaling calls that make them match. Everything on the service's
/// scalable target belongs to the operator (the target itself carries the owner tag), so live policies and actions
/// the spec does not name are deleted.
/// </summary>
public static class AutoScalingPlanner
{
    private static readonly string[] PolicyMembers =
        ["PolicyType", "TargetTrackingScalingPolicyConfiguration", "StepScalingPolicyConfiguration"];

    private static readonly string[] ScheduledActionMembers =
        ["Schedule", "Timezone", "StartTime", "EndTime", "ScalableTargetAction"];

    /// <param name="desired">The spec's autoScaling; null when the spec has none (then everything live is removed).</param>
    /// <param name="clusterName">The service's cluster, short name.</param>
    /// <param name="serviceName">The service, short name.</param>
    /// <param name="liveTarget">DescribeScalableTargets' answer for the service, null when none is registered.</param>
    /// <param name="livePolicies">DescribeScalingPolicies' answer for the service's resource id.</param>
    /// <param name="liveActions">DescribeScheduledActions' answer for the service's resource id.</param>
    /// <param name="ownerTags">Tags to put on a newly registered target (the ownership tag); not sent to an existing target.</param>
    public static AutoScalingPlan Plan(
        ServiceAutoScaling? desired,
        string clusterName,
        string serviceName,
        ScalableTarget? liveTarget,
        IReadOnlyList<ScalingPolicy> livePolicies,
        IReadOnlyList<ScheduledAction> liveActions,
        IReadOnlyDictionary<string, string>? ownerTags = null)
    {
        ArgumentNullException.ThrowIfNull(livePolicies);
        ArgumentNullException.ThrowIfNull(liveActions);
        var target = ServiceScalableTarget.For(clusterName, serviceName);
        var policies = livePolicies.Where(p => IsOn(target, p.ResourceId, p.ScalableDimension)).ToList();
        var actions = liveActions.Where(a => IsOn(target, a.ResourceId, a.ScalableDimension)).ToList();
        if (liveTarget is not null && !IsOn(target, liveTarget.ResourceId, liveTarget.ScalableDimension))
            throw new ArgumentException($"the live scalable target {liveTarget.ResourceId} ({liveTarget.ScalableDimension}) is not the service's {target.ResourceId}", nameof(liveTarget));

        return desired is null ? PlanRemoval(target, liveTarget, policies, actions) : PlanSync(desired, target, liveTarget, policies, actions, ownerTags);
    }

    private static AutoScalingPlan PlanRemoval(ServiceScalableTarget target, ScalableTarget? liveTarget, List<ScalingPolicy> policies, List<ScheduledAction> actions)
    {
        var differences = new List<string>();
        differences.AddRange(policies.Select(p => $"policy/{p.PolicyName}"));
        differences.AddRange(actions.Select(a => $"scheduledAction/{a.ScheduledActionName}"));
        if (liveTarget is not null)
            differences.Add("scalableTarget");
        return new AutoScalingPlan
        {
            DeleteScalingPolicies = policies.Select(p => DeletePolicy(target, p.PolicyName!)).ToList(),
            DeleteScheduledActions = actions.Select(a => DeleteAction(target, a.ScheduledActionName!)).ToList(),
            DeregisterScalableTarget = liveTarget is null
                ? null
                : new DeregisterScalableTargetRequest
                {
                    ServiceNamespace = ServiceScalableTarget.Namespace,
                    ResourceId = target.ResourceId,
                    ScalableDimension = ServiceScalableTarget.Dimension,
                },
            Differences = differences,
        };
    }

    private static AutoScalingPlan PlanSync(
        ServiceAutoScaling desired,
        ServiceScalableTarget target,
        ScalableTarget? liveTarget,
        List<ScalingPolicy> policies,
        List<ScheduledAction> actions,
        IReadOnlyDictionary<string, string>? ownerTags)
    {
        if (desired.MinCapacity > desired.MaxCapacity)
            throw new ArgumentException($"autoScaling.minCapacity ({desired.MinCapacity}) exceeds maxCapacity ({desired.MaxCapacity})", nameof(desired));
        var differences = new List<string>();

        RegisterScalableTargetRequest? register = null;
        if (liveTarget is null)
        {
            register = AutoScalingTranslator.ToRegisterRequest(desired, target, ownerTags);
            differences.Add("scalableTarget");
        }
        else if (liveTarget.MinCapacity != desired.MinCapacity || liveTarget.MaxCapacity != desired.MaxCapacity)
        {
            register = AutoScalingTranslator.ToRegisterRequest(desired, target, tags: null);
            differences.Add("scalableTarget");
        }

        var desiredPolicies = AutoScalingTranslator.ToPolicyRequests(desired, target);
        var livePolicyByName = policies.Where(p => p.PolicyName is not null).ToDictionary(p => p.PolicyName!, StringComparer.Ordinal);
        var putPolicies = new List<PutScalingPolicyRequest>();
        foreach (var policy in desiredPolicies)
        {
            if (livePolicyByName.TryGetValue(policy.PolicyName!, out var live) && PolicyMatches(policy, live))
                continue;
            putPolicies.Add(policy);
            differences.Add($"policy/{policy.PolicyName}");
        }

        var desiredPolicyNames = desiredPolicies.Select(p => p.PolicyName!).ToHashSet(StringComparer.Ordinal);
        var deletePolicies = new List<DeleteScalingPolicyRequest>();
        foreach (var live in policies.Where(p => p.PolicyName is not null && !desiredPolicyNames.Contains(p.PolicyName)))
        {
            deletePolicies.Add(DeletePolicy(target, live.PolicyName!));
            differences.Add($"policy/{live.PolicyName}");
        }

        var desiredActions = AutoScalingTranslator.ToScheduledActionRequests(desired, target);
        var liveActionByName = actions.Where(a => a.ScheduledActionName is not null).ToDictionary(a => a.ScheduledActionName!, StringComparer.Ordinal);
        var putActions = new List<PutScheduledActionRequest>();
        var deleteActions = new List<DeleteScheduledActionRequest>();
        foreach (var action in desiredActions)
        {
            if (!liveActionByName.TryGetValue(action.ScheduledActionName!, out var live))
            {
                putActions.Add(action);
                differences.Add($"scheduledAction/{action.ScheduledActionName}");
                continue;
            }

            var (matches, mustRecreate) = CompareAction(action, live);
            if (matches)
                continue;
            // PutScheduledAction keeps what an update leaves out, so dropping a field takes a delete and a fresh put.
            if (mustRecreate)
                deleteActions.Add(DeleteAction(target, action.ScheduledActionName!));
            putActions.Add(action);
            differences.Add($"scheduledAction/{action.ScheduledActionName}");
        }

        var desiredActionNames = desiredActions.Select(a => a.ScheduledActionName!).ToHashSet(StringComparer.Ordinal);
        foreach (var live in actions.Where(a => a.ScheduledActionName is not null && !desiredActionNames.Contains(a.ScheduledActionName)))
        {
            deleteActions.Add(DeleteAction(target, live.ScheduledActionName!));
            differences.Add($"scheduledAction/{live.ScheduledActionName}");
        }

        return new AutoScalingPlan
        {
            RegisterScalableTarget = register,
            PutScalingPolicies = putPolicies,
            DeleteScalingPolicies = deletePolicies,
            PutScheduledActions = putActions,
            DeleteScheduledActions = deleteActions,
            Differences = differences,
        };
    }

    private static bool IsOn(ServiceScalableTarget target, string? resourceId, string? dimension) =>
        resourceId == target.ResourceId && (dimension is null || dimension == ServiceScalableTarget.Dimension);

    private static bool PolicyMatches(PutScalingPolicyRequest desired, ScalingPolicy live)
    {
        var desiredNode = Comparable(JsonSerializer.SerializeToNode(desired, ApplicationAutoScalingJsonContext.Default.PutScalingPolicyRequest)!.AsObject(), PolicyMembers);
        var liveNode = Comparable(JsonSerializer.SerializeToNode(live, ApplicationAutoScalingJsonContext.Default.ScalingPolicy)!.AsObject(), PolicyMembers);
        AutoScalingDefaults.ApplyToPolicy(desiredNode);
        AutoScalingDefaults.ApplyToPolicy(liveNode);
        return JsonSubset.FirstMismatch(
            CanonicalJson.Canonicalize(desiredNode, ApplicationAutoScalingJsonContext.Default.PutScalingPolicyRequest),
            CanonicalJson.Canonicalize(liveNode, ApplicationAutoScalingJsonContext.Default.ScalingPolicy),
            "policy") is null;
    }

    private static (bool Matches, bool MustRecreate) CompareAction(PutScheduledActionRequest desired, ScheduledAction live)
    {
        var desiredRaw = Comparable(JsonSerializer.SerializeToNode(desired, ApplicationAutoScalingJsonContext.Default.PutScheduledActionRequest)!.AsObject(), ScheduledActionMembers);
        var desiredNode = (JsonObject)desiredRaw.DeepClone();
        var liveNode = Comparable(JsonSerializer.SerializeToNode(live, ApplicationAutoScalingJsonContext.Default.ScheduledAction)!.AsObject(), ScheduledActionMembers);
        AutoScalingDefaults.ApplyToScheduledAction(desiredNode);
        AutoScalingDefaults.ApplyToScheduledAction(liveNode);
        var canonicalRaw = CanonicalJson.Canonicalize(desiredRaw, ApplicationAutoScalingJsonContext.Default.PutScheduledActionRequest);
        var canonicalDesired = CanonicalJson.Canonicalize(desiredNode, ApplicationAutoScalingJsonContext.Default.PutScheduledActionRequest);
        var canonicalLive = CanonicalJson.Canonicalize(liveNode, ApplicationAutoScalingJsonContext.Default.ScheduledAction);
        var matches = JsonSubset.FirstMismatch(canonicalDesired, canonicalLive, "scheduledAction") is null
            && JsonSubset.FirstMismatch(canonicalLive, canonicalDesired, "scheduledAction") is null;
        return (matches, !matches && MustClear(canonicalLive, canonicalRaw, canonicalDesired));
    }

    /// <summary>
    /// Whether the live action has a member the request leaves out (so a put would keep it) with a value other than
    /// the default the spec means by leaving it out.
    /// </summary>
    private static bool MustClear(JsonNode? live, JsonNode? sent, JsonNode? meant)
    {
        if (live is not JsonObject liveObject)
            return false;
        foreach (var (name, value) in liveObject)
        {
            var sentValue = sent is JsonObject s ? s[name] : null;
            var meantValue = meant is JsonObject m ? m[name] : null;
            if (sentValue is null && JsonSubset.FirstMismatch(value, meantValue, name) is not null)
                return true;
            if (sentValue is not null && MustClear(value, sentValue, meantValue))
                return true;
        }

        return false;
    }

    private static JsonObject Comparable(JsonObject node, string[] members)
    {
        var result = new JsonObject();
        foreach (var member in members)
        {
            if (node[member] is { } value)
                result[member] = value.DeepClone();
        }

        return result;
    }

    private static DeleteScalingPolicyRequest DeletePolicy(ServiceScalableTarget target, string name) => new()
    {
        PolicyName = name,
        ServiceNamespace = ServiceScalableTarget.Namespace,
        ResourceId = target.ResourceId,
        ScalableDimension = ServiceScalableTarget.Dimension,
    };

    private static DeleteScheduledActionRequest DeleteAction(ServiceScalableTarget target, string name) => new()
    {
        ScheduledActionName = name,
        ServiceNamespace = ServiceScalableTarget.Namespace,
        ResourceId = target.ResourceId,
        ScalableDimension = ServiceScalableTarget.Dimension,
    };
}
