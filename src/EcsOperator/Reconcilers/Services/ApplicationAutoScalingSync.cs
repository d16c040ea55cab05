using EcsOperator.Api.Services;
using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.AutoScaling;
using EcsOperator.Core.Ownership;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// <see cref="IServiceAutoScaling"/> over Application Auto Scaling: reads the service's scalable target, policies and
/// scheduled actions, plans with <see cref="AutoScalingPlanner"/> and sends the plan in its execution order.
/// </summary>
/// <remarks>
/// <para>AWS calls per sync:</para>
/// <list type="bullet">
/// <item><c>MayExist</c> false and no spec: none.</item>
/// <item>No target registered: 1 (DescribeScalableTargets; policies and scheduled actions cannot exist without a target).</item>
/// <item>A target registered and in sync (or <c>Apply</c> false): 3 describes.</item>
/// <item>Creating: 1 describe + RegisterScalableTarget (with the owner tag) + one PutScalingPolicy per policy +
/// one PutScheduledAction per action + 1 DescribeScheduledActions for the new actions' ARNs (only when there are actions).</item>
/// <item>Changing an existing target: 3 describes + 1 ListTagsForResource + one call per difference (+ 1 describe
/// when a scheduled action was created or recreated; + 1 TagResource when taking over an untagged target).</item>
/// </list>
/// <para>Ownership: the target hangs off a service the reconciler already owns, so an untagged target (registered in the
/// console, or before the service was adopted) is taken over: it gets the owner tag before the first change, and is
/// removed when the spec drops autoScaling. A target tagged with another owner is never changed: with a spec it is
/// <see cref="ScalableTargetNotOwnedException"/>, on removal it is left alone and not reported. Tags are only read when
/// something would change, so a resync in sync costs no ListTagsForResource.</para>
/// </remarks>
public sealed class ApplicationAutoScalingSync(IApplicationAutoScalingApi autoScaling, ILogger<ApplicationAutoScalingSync> logger) : IServiceAutoScaling
{
    // The largest pages each describe allows, so a service needs one call of each.
    private const int MaxPolicyPage = 50;
    private const int MaxActionPage = 50;

    private static readonly AutoScalingSyncResult NothingRegistered = new(null, [], Applied: false);

    public async Task<AutoScalingSyncResult> SyncAsync(AutoScalingSyncRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // MayExist false only promises that nothing is registered when the spec has none; with a spec the sync still
        // reads first, so a target someone else registered is never overwritten unseen.
        if (!request.MayExist && request.Desired is null)
            return NothingRegistered;

        var target = ServiceScalableTarget.For(request.ClusterName, request.ServiceName);
        var live = await ReadAsync(target, cancellationToken);
        var ownerTags = new Dictionary<string, string>(StringComparer.Ordinal) { [OwnershipTags.OwnerKey] = request.OwnerTagValue };
        var plan = AutoScalingPlanner.Plan(request.Desired, request.ClusterName, request.ServiceName, live.Target, live.Policies, live.Actions, ownerTags);
        var before = AutoScalingStatusCalculator.ToStatus(live.Target, live.Policies, live.Actions);
        if (plan.IsInSync)
            return new AutoScalingSyncResult(before, [], Applied: false);
        if (!request.Apply)
            return new AutoScalingSyncResult(before, plan.Differences, Applied: false);

        if (live.Target is { } existing && !await ClaimAsync(existing, request, ownerTags, cancellationToken))
        {
            // Another owner's target on removal: leave it, and stop reporting it as ours.
            return NothingRegistered;
        }

        var after = await ExecuteAsync(plan, live, cancellationToken);
        logger.LogInformation(
            "Application Auto Scaling of service {Cluster}/{Service} synced: {Differences}",
            request.ClusterName, request.ServiceName, string.Join(", ", plan.Differences));
        return new AutoScalingSyncResult(after, plan.Differences, Applied: true);
    }

    private async Task<LiveScaling> ReadAsync(ServiceScalableTarget target, CancellationToken cancellationToken)
    {
        var targets = await autoScaling.DescribeAllScalableTargetsAsync(
            new DescribeScalableTargetsRequest
            {
                ServiceNamespace = ServiceScalableTarget.Namespace,
                ResourceIds = [target.ResourceId],
                ScalableDimension = ServiceScalableTarget.Dimension,
            },
            cancellationToken);
        var liveTarget = targets.FirstOrDefault(t => t.ResourceId == target.ResourceId);
        if (liveTarget is null)
            return new LiveScaling(null, [], []); // AAS deletes policies and actions with their target

        var policies = autoScaling.DescribeAllScalingPoliciesAsync(
            new DescribeScalingPoliciesRequest
            {
                ServiceNamespace = ServiceScalableTarget.Namespace,
                ResourceId = target.ResourceId,
                ScalableDimension = ServiceScalableTarget.Dimension,
                MaxResults = MaxPolicyPage,
            },
            cancellationToken);
        var actions = DescribeActionsAsync(target, cancellationToken);
        await Task.WhenAll(policies, actions); // both observed, whichever fails
        return new LiveScaling(liveTarget, await policies, await actions);
    }

    private Task<IReadOnlyList<ScheduledAction>> DescribeActionsAsync(ServiceScalableTarget target, CancellationToken cancellationToken) =>
        autoScaling.DescribeAllScheduledActionsAsync(
            new DescribeScheduledActionsRequest
            {
                ServiceNamespace = ServiceScalableTarget.Namespace,
                ResourceId = target.ResourceId,
                ScalableDimension = ServiceScalableTarget.Dimension,
                MaxResults = MaxActionPage,
            },
            cancellationToken);

    /// <summary>
    /// Whether the operator may change the live target: true when it carries this object's owner tag or none (then
    /// it is tagged now, unless it is about to be removed anyway).
    /// </summary>
    private async Task<bool> ClaimAsync(ScalableTarget live, AutoScalingSyncRequest request, Dictionary<string, string> ownerTags, CancellationToken cancellationToken)
    {
        if (live.ScalableTargetARN is not { } arn)
            return true; // an endpoint without target ARNs cannot tag them either: nothing to tell owners apart by

        var tags = (await autoScaling.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceARN = arn }, cancellationToken)).Tags;
        var owner = tags?.GetValueOrDefault(OwnershipTags.OwnerKey);
        if (owner == request.OwnerTagValue)
            return true;
        if (owner is not null)
        {
            if (request.Desired is not null)
                throw new ScalableTargetNotOwnedException(live.ResourceId ?? arn, owner);
            logger.LogWarning("Leaving scalable target {ResourceId}: it is tagged {Key}={Owner}", live.ResourceId, OwnershipTags.OwnerKey, owner);
            return false;
        }

        if (request.Desired is not null)
        {
            await autoScaling.TagResourceAsync(new TagResourceRequest { ResourceARN = arn, Tags = ownerTags }, cancellationToken);
            logger.LogInformation("Took over untagged scalable target {ResourceId} for the service's spec.autoScaling", live.ResourceId);
        }

        return true;
    }

    /// <summary>Sends the plan in order and returns the status of what is registered afterwards.</summary>
    private async Task<AutoScalingStatus?> ExecuteAsync(AutoScalingPlan plan, LiveScaling live, CancellationToken cancellationToken)
    {
        var target = live.Target;
        var policies = live.Policies.ToDictionary(p => p.PolicyName ?? "", StringComparer.Ordinal);
        var actions = live.Actions.ToDictionary(a => a.ScheduledActionName ?? "", StringComparer.Ordinal);
        var actionsWithoutArn = false;
        foreach (var call in plan.InExecutionOrder)
        {
            switch (call)
            {
                case RegisterScalableTargetRequest register:
                    var registered = await autoScaling.RegisterScalableTargetAsync(register, cancellationToken);
                    target = (target ?? new ScalableTarget
                    {
                        ServiceNamespace = register.ServiceNamespace,
                        ResourceId = register.ResourceId,
                        ScalableDimension = register.ScalableDimension,
                    }) with
                    {
                        MinCapacity = register.MinCapacity,
                        MaxCapacity = register.MaxCapacity,
                        ScalableTargetARN = registered.ScalableTargetARN ?? target?.ScalableTargetARN,
                    };
                    break;
                case DeleteScalingPolicyRequest delete:
                    await IgnoringNotFoundAsync(() => autoScaling.DeleteScalingPolicyAsync(delete, cancellationToken));
                    policies.Remove(delete.PolicyName!);
                    break;
                case DeleteScheduledActionRequest delete:
                    await IgnoringNotFoundAsync(() => autoScaling.DeleteScheduledActionAsync(delete, cancellationToken));
                    actions.Remove(delete.ScheduledActionName!);
                    break;
                case PutScalingPolicyRequest put:
                    var policy = await autoScaling.PutScalingPolicyAsync(put, cancellationToken);
                    policies[put.PolicyName!] = new ScalingPolicy { PolicyName = put.PolicyName, PolicyARN = policy.PolicyARN };
                    break;
                case PutScheduledActionRequest put:
                    await autoScaling.PutScheduledActionAsync(put, cancellationToken);
                    // An update keeps its ARN; a new (or recreated) action's ARN is only in a describe.
                    actionsWithoutArn |= !actions.ContainsKey(put.ScheduledActionName!);
                    break;
                case DeregisterScalableTargetRequest deregister:
                    await IgnoringNotFoundAsync(() => autoScaling.DeregisterScalableTargetAsync(deregister, cancellationToken));
                    return null;
                default:
                    throw new InvalidOperationException($"the autoscaling plan holds an unknown request {call.GetType().Name}");
            }
        }

        var liveActions = actionsWithoutArn && target?.ResourceId is { } resourceId
            ? await DescribeActionsAsync(new ServiceScalableTarget(resourceId), cancellationToken)
            : actions.Values.ToList();
        return AutoScalingStatusCalculator.ToStatus(target, policies.Values.ToList(), liveActions);
    }

    /// <summary>Deletes are idempotent: what is already gone needs no deleting (ObjectNotFoundException).</summary>
    private static async Task IgnoringNotFoundAsync<T>(Func<Task<T>> delete)
    {
        try
        {
            await delete();
        }
        catch (AwsServiceException e) when (e.Kind == AwsErrorKind.NotFound)
        {
        }
    }

    private sealed record LiveScaling(ScalableTarget? Target, IReadOnlyList<ScalingPolicy> Policies, IReadOnlyList<ScheduledAction> Actions);
}
