using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.AutoScaling;

/// <summary>
/// Application Auto Scaling for ECS services (target prefix <c>AnyScaleFrontendService</c>, PascalCase members).
/// Only the <c>ecs</c> namespace and <c>ecs:service:DesiredCount</c> dimension exist here. Callers hold the state lock.
/// </summary>
internal sealed partial class AutoScalingApi
{
    public const string TargetPrefix = "AnyScaleFrontendService";
    private const string Dimension = "ecs:service:DesiredCount";

    private readonly SimulatorState _state;
    private readonly Dictionary<string, Func<JsonObject, JsonObject>> _operations;

    public AutoScalingApi(SimulatorState state)
    {
        _state = state;
        _operations = new(StringComparer.Ordinal)
        {
            ["RegisterScalableTarget"] = RegisterScalableTarget,
            ["DescribeScalableTargets"] = DescribeScalableTargets,
            ["DeregisterScalableTarget"] = DeregisterScalableTarget,
            ["PutScalingPolicy"] = PutScalingPolicy,
            ["DescribeScalingPolicies"] = DescribeScalingPolicies,
            ["DeleteScalingPolicy"] = DeleteScalingPolicy,
            ["PutScheduledAction"] = PutScheduledAction,
            ["DescribeScheduledActions"] = DescribeScheduledActions,
            ["DeleteScheduledAction"] = DeleteScheduledAction,
            ["DescribeScalingActivities"] = DescribeScalingActivities,
            ["TagResource"] = TagResource,
            ["UntagResource"] = UntagResource,
            ["ListTagsForResource"] = ListTagsForResource,
        };
    }

    public bool TryGet(string operation, out Func<JsonObject, JsonObject> handler) =>
        _operations.TryGetValue(operation, out handler!);

    [GeneratedRegex("^service/([a-zA-Z0-9_-]{1,255})/([a-zA-Z0-9_-]{1,255})$")]
    private static partial Regex ServiceResourceId();

    [GeneratedRegex(@"^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$")]
    private static partial Regex AtSchedule();

    private DateTimeOffset Now => _state.Now;

    private static void RequireNamespace(JsonObject request)
    {
        var ns = Json.Str(request, "ServiceNamespace")
            ?? throw AwsErrorException.Validation("1 validation error detected: Value null at 'serviceNamespace' failed to satisfy constraint: Member must not be null");
        if (ns != "ecs")
        {
            throw AwsErrorException.Validation($"The simulator supports only the ecs service namespace, not '{ns}'.");
        }
    }

    private static string RequireDimension(JsonObject request, bool required = true)
    {
        var dimension = Json.Str(request, "ScalableDimension");
        if (dimension is null)
        {
            return required
                ? throw AwsErrorException.Validation("1 validation error detected: Value null at 'scalableDimension' failed to satisfy constraint: Member must not be null")
                : Dimension;
        }

        if (dimension != Dimension)
        {
            throw AwsErrorException.Validation($"Unsupported scalable dimension '{dimension}' for service namespace ecs.");
        }

        return dimension;
    }

    private SimService ServiceFor(string resourceId)
    {
        var match = ServiceResourceId().Match(resourceId);
        if (!match.Success)
        {
            throw AwsErrorException.Validation($"Unsupported resource ID '{resourceId}': ECS resource IDs look like service/<cluster>/<service>.");
        }

        var key = SimulatorState.ServiceKey(match.Groups[1].Value, match.Groups[2].Value);
        return _state.Services.TryGetValue(key, out var service) && service.Status == "ACTIVE"
            ? service
            : throw AwsErrorException.Validation($"ECS service doesn't exist: {resourceId}");
    }

    private SimScalableTarget TargetOrThrow(string resourceId, string dimension) =>
        _state.ScalableTargets.GetValueOrDefault(resourceId)
        ?? throw new AwsErrorException("ObjectNotFoundException", $"No scalable target registered for service namespace: ecs, resource ID: {resourceId}, scalable dimension: {dimension}");

    private JsonObject RegisterScalableTarget(JsonObject request)
    {
        RequireNamespace(request);
        var dimension = RequireDimension(request);
        var resourceId = Json.RequiredStr(request, "ResourceId", AwsErrorException.Validation);
        var service = ServiceFor(resourceId);
        if (service.SchedulingStrategy == "DAEMON")
        {
            // A daemon runs one task per instance; ECS documents that it cannot use Service Auto Scaling.
            throw AwsErrorException.Validation($"The ECS service {resourceId} uses the DAEMON scheduling strategy, which does not support Service Auto Scaling.");
        }

        var min = Json.Int(request, "MinCapacity");
        var max = Json.Int(request, "MaxCapacity");
        if (min is < 0 || max is < 0)
        {
            throw AwsErrorException.Validation("Capacity values must be non-negative.");
        }

        if (!_state.ScalableTargets.TryGetValue(resourceId, out var target))
        {
            if (min is null || max is null)
            {
                throw AwsErrorException.Validation("MinCapacity and MaxCapacity are required for registering a new scalable target.");
            }

            if (min > max)
            {
                throw AwsErrorException.Validation("Minimum capacity cannot be greater than maximum capacity");
            }

            target = new SimScalableTarget
            {
                ResourceId = resourceId,
                ScalableDimension = dimension,
                Arn = _state.Prefix("application-autoscaling") + "scalable-target/" + _state.Alnum(36).ToLowerInvariant(),
                MinCapacity = min.Value,
                MaxCapacity = max.Value,
                RoleArn = Json.Str(request, "RoleARN")
                    ?? $"arn:aws:iam::{_state.Options.AccountId}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService",
                SuspendedState = (JsonObject?)Json.Obj(request, "SuspendedState")?.DeepClone(),
                CreationTime = Now,
            };
            _state.ScalableTargets[resourceId] = target;

            // Tags apply only when the target is created; later changes go through TagResource.
            foreach (var (key, value) in ReadTagMap(request, "Tags"))
            {
                target.Tags[key] = value;
            }
        }
        else
        {
            var newMin = min ?? target.MinCapacity;
            var newMax = max ?? target.MaxCapacity;
            if (newMin > newMax)
            {
                throw AwsErrorException.Validation("Minimum capacity cannot be greater than maximum capacity");
            }

            target.MinCapacity = newMin;
            target.MaxCapacity = newMax;
            target.RoleArn = Json.Str(request, "RoleARN") ?? target.RoleArn;
            if (Json.Obj(request, "SuspendedState") is { } suspended)
            {
                target.SuspendedState = (JsonObject)suspended.DeepClone();
            }
        }

        // Application Auto Scaling moves the current capacity into the new range straight away.
        ClampInto(service, target, $"the capacity range was set to [{target.MinCapacity}, {target.MaxCapacity}]");
        return new JsonObject { ["ScalableTargetARN"] = target.Arn };
    }

    private void ClampInto(SimService service, SimScalableTarget target, string cause)
    {
        var clamped = Math.Clamp(service.DesiredCount, target.MinCapacity, target.MaxCapacity);
        if (clamped != service.DesiredCount)
        {
            SetDesired(service, target, clamped, cause);
        }
    }

    /// <summary>Changes a service's desired count as a scaling activity and records the activity.</summary>
    internal void SetDesired(SimService service, SimScalableTarget target, int desired, string cause)
    {
        service.DesiredCount = desired;
        service.SteadyStateReported = false;
        if (service.Primary is { } primary)
        {
            primary.DesiredCount = desired;
            primary.UpdatedAt = Now;
        }

        _state.ScalingActivities.Add(new SimScalingActivity
        {
            ActivityId = _state.Uuid(),
            ResourceId = target.ResourceId,
            ScalableDimension = target.ScalableDimension,
            Description = $"Setting desired count to {desired.ToString(CultureInfo.InvariantCulture)}.",
            Cause = $"{Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} {cause}",
            StartTime = Now,
            EndTime = Now,
            StatusCode = "Successful",
            StatusMessage = $"Successfully set desired count to {desired.ToString(CultureInfo.InvariantCulture)}. Change successfully fulfilled by ecs.",
        });
    }

    /// <summary>Test control: what a scaling policy would do. Returns the clamped desired count that was applied.</summary>
    internal int Trigger(string resourceId, int desired, string? cause)
    {
        var target = TargetOrThrow(resourceId, Dimension);
        var service = ServiceFor(resourceId);
        var clamped = Math.Clamp(desired, target.MinCapacity, target.MaxCapacity);
        var policy = _state.ScalingPolicies.FirstOrDefault(p => p.ResourceId == resourceId);
        var why = cause
            ?? (policy is null
                ? "a test triggered a scaling activity"
                : $"monitor alarm {policy.Alarms.OfType<JsonObject>().Select(a => Json.Str(a, "AlarmName")).FirstOrDefault() ?? policy.PolicyName} in state ALARM triggered policy {policy.PolicyName}");
        SetDesired(service, target, clamped, why);
        return clamped;
    }

    /// <summary>Runs <c>at(...)</c> scheduled actions whose time has come on the simulator clock.</summary>
    internal void RunDueScheduledActions()
    {
        foreach (var action in _state.ScheduledActions.Where(a => !a.Executed).ToList())
        {
            var match = AtSchedule().Match(action.Schedule);
            if (!match.Success
                || !DateTime.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                || Now < new DateTimeOffset(at, TimeSpan.Zero))
            {
                continue;
            }

            action.Executed = true;
            if (!_state.ScalableTargets.TryGetValue(action.ResourceId, out var target))
            {
                continue;
            }

            target.MinCapacity = Json.Int(action.ScalableTargetAction ?? [], "MinCapacity") ?? target.MinCapacity;
            target.MaxCapacity = Json.Int(action.ScalableTargetAction ?? [], "MaxCapacity") ?? target.MaxCapacity;
            if (_state.Services.TryGetValue(action.ResourceId["service/".Length..], out var service) && service.Status == "ACTIVE")
            {
                ClampInto(service, target, $"scheduled action name {action.Name} was triggered");
            }
        }
    }

    private JsonObject DescribeScalableTargets(JsonObject request)
    {
        RequireNamespace(request);
        var ids = Json.Strings(request, "ResourceIds");
        var dimension = Json.Str(request, "ScalableDimension");
        var size = MaxResults(request, 50, 50);
        var scope = "DescribeScalableTargets:" + string.Join(',', ids) + ":" + dimension;
        var offset = Json.ReadToken(Json.Str(request, "NextToken"), scope, "InvalidNextTokenException");
        var targets = _state.ScalableTargets.Values
            .Where(t => ids.Count == 0 || ids.Contains(t.ResourceId))
            .Where(t => dimension is null || t.ScalableDimension == dimension)
            .ToList();
        var response = new JsonObject();
        var page = Json.Page(targets, offset, size, scope, response, "NextToken");
        response["ScalableTargets"] = new JsonArray([.. page.Select(t => (JsonNode?)RenderTarget(t))]);
        return response;
    }

    private static JsonObject RenderTarget(SimScalableTarget target) => new()
    {
        ["ServiceNamespace"] = "ecs",
        ["ResourceId"] = target.ResourceId,
        ["ScalableDimension"] = target.ScalableDimension,
        ["MinCapacity"] = target.MinCapacity,
        ["MaxCapacity"] = target.MaxCapacity,
        ["RoleARN"] = target.RoleArn,
        ["CreationTime"] = Json.Epoch(target.CreationTime),
        ["SuspendedState"] = target.SuspendedState?.DeepClone() ?? new JsonObject
        {
            ["DynamicScalingInSuspended"] = false,
            ["DynamicScalingOutSuspended"] = false,
            ["ScheduledScalingSuspended"] = false,
        },
        ["ScalableTargetARN"] = target.Arn,
    };

    private JsonObject DeregisterScalableTarget(JsonObject request)
    {
        RequireNamespace(request);
        var dimension = RequireDimension(request);
        var resourceId = Json.RequiredStr(request, "ResourceId", AwsErrorException.Validation);
        TargetOrThrow(resourceId, dimension);
        _state.ScalableTargets.Remove(resourceId);

        // Deregistering a target deletes its scaling policies and scheduled actions, as Application Auto Scaling does.
        _state.ScalingPolicies.RemoveAll(p => p.ResourceId == resourceId);
        _state.ScheduledActions.RemoveAll(a => a.ResourceId == resourceId);
        return [];
    }

    private JsonObject PutScalingPolicy(JsonObject request)
    {
        RequireNamespace(request);
        var dimension = RequireDimension(request);
        var resourceId = Json.RequiredStr(request, "ResourceId", AwsErrorException.Validation);
        var name = Json.RequiredStr(request, "PolicyName", AwsErrorException.Validation);
        TargetOrThrow(resourceId, dimension);
        var type = Json.Str(request, "PolicyType") ?? "StepScaling";
        var targetTracking = Json.Obj(request, "TargetTrackingScalingPolicyConfiguration");
        var step = Json.Obj(request, "StepScalingPolicyConfiguration");
        switch (type)
        {
            case "TargetTrackingScaling":
                if (targetTracking is null)
                {
                    throw AwsErrorException.Validation("TargetTrackingScalingPolicyConfiguration is required for a policy of type TargetTrackingScaling.");
                }

                if (Json.Double(targetTracking, "TargetValue") is null)
                {
                    throw AwsErrorException.Validation("1 validation error detected: Value null at 'targetTrackingScalingPolicyConfiguration.targetValue' failed to satisfy constraint: Member must not be null");
                }

                if (targetTracking["PredefinedMetricSpecification"] is null && targetTracking["CustomizedMetricSpecification"] is null)
                {
                    throw AwsErrorException.Validation("Either PredefinedMetricSpecification or CustomizedMetricSpecification is required.");
                }

                break;
            case "StepScaling":
                if (step is null)
                {
                    throw AwsErrorException.Validation("StepScalingPolicyConfiguration is required for a policy of type StepScaling.");
                }

                break;
            case "PredictiveScaling":
                break;
            default:
                throw AwsErrorException.Validation($"1 validation error detected: Value '{type}' at 'policyType' failed to satisfy constraint: Member must satisfy enum value set: [PredictiveScaling, StepScaling, TargetTrackingScaling]");
        }

        var policy = _state.ScalingPolicies.FirstOrDefault(p => p.ResourceId == resourceId && p.PolicyName == name);
        if (policy is null)
        {
            policy = new SimScalingPolicy
            {
                PolicyName = name,
                PolicyArn = _state.Prefix("autoscaling") + $"scalingPolicy:{_state.Uuid()}:resource/ecs/{resourceId}:policyName/{name}",
                ResourceId = resourceId,
                ScalableDimension = dimension,
                PolicyType = type,
                CreationTime = Now,
            };
            _state.ScalingPolicies.Add(policy);
        }

        policy.PolicyType = type;
        policy.TargetTrackingScalingPolicyConfiguration = (JsonObject?)targetTracking?.DeepClone();
        policy.StepScalingPolicyConfiguration = (JsonObject?)step?.DeepClone();
        policy.PredictiveScalingPolicyConfiguration = (JsonObject?)Json.Obj(request, "PredictiveScalingPolicyConfiguration")?.DeepClone();
        policy.Alarms = type == "TargetTrackingScaling" ? TargetTrackingAlarms(resourceId, Json.Bool(targetTracking!, "DisableScaleIn") ?? false) : [];
        return new JsonObject { ["PolicyARN"] = policy.PolicyArn, ["Alarms"] = policy.Alarms.DeepClone() };
    }

    /// <summary>Target tracking creates a high alarm, and a low alarm unless scale-in is disabled.</summary>
    private JsonArray TargetTrackingAlarms(string resourceId, bool disableScaleIn)
    {
        var alarms = new JsonArray();
        foreach (var kind in disableScaleIn ? ["AlarmHigh"] : new[] { "AlarmHigh", "AlarmLow" })
        {
            var alarmName = $"TargetTracking-{resourceId}-{kind}-{_state.Uuid()}";
            alarms.Add(new JsonObject
            {
                ["AlarmName"] = alarmName,
                ["AlarmARN"] = _state.Prefix("cloudwatch") + "alarm:" + alarmName,
            });
        }

        return alarms;
    }

    private JsonObject DescribeScalingPolicies(JsonObject request)
    {
        RequireNamespace(request);
        var names = Json.Strings(request, "PolicyNames");
        var resourceId = Json.Str(request, "ResourceId");
        var dimension = Json.Str(request, "ScalableDimension");
        var size = MaxResults(request, 10, 50);
        var scope = "DescribeScalingPolicies:" + string.Join(',', names) + ":" + resourceId + ":" + dimension;
        var offset = Json.ReadToken(Json.Str(request, "NextToken"), scope, "InvalidNextTokenException");
        var policies = _state.ScalingPolicies
            .Where(p => names.Count == 0 || names.Contains(p.PolicyName))
            .Where(p => resourceId is null || p.ResourceId == resourceId)
            .Where(p => dimension is null || p.ScalableDimension == dimension)
            .ToList();
        var response = new JsonObject();
        var page = Json.Page(policies, offset, size, scope, response, "NextToken");
        response["ScalingPolicies"] = new JsonArray([.. page.Select(p =>
        {
            var result = new JsonObject
            {
                ["PolicyARN"] = p.PolicyArn,
                ["PolicyName"] = p.PolicyName,
                ["ServiceNamespace"] = "ecs",
                ["ResourceId"] = p.ResourceId,
                ["ScalableDimension"] = p.ScalableDimension,
                ["PolicyType"] = p.PolicyType,
            };
            if (p.StepScalingPolicyConfiguration is not null)
            {
                result["StepScalingPolicyConfiguration"] = p.StepScalingPolicyConfiguration.DeepClone();
            }

            if (p.TargetTrackingScalingPolicyConfiguration is not null)
            {
                result["TargetTrackingScalingPolicyConfiguration"] = p.TargetTrackingScalingPolicyConfiguration.DeepClone();
            }

            if (p.PredictiveScalingPolicyConfiguration is not null)
            {
                result["PredictiveScalingPolicyConfiguration"] = p.PredictiveScalingPolicyConfiguration.DeepClone();
            }

            result["Alarms"] = p.Alarms.DeepClone();
            result["CreationTime"] = Json.Epoch(p.CreationTime);
            return (JsonNode?)result;
        })]);
        return response;
    }

    private JsonObject DeleteScalingPolicy(JsonObject request)
    {
        RequireNamespace(request);
        var dimension = RequireDimension(request);
        var resourceId = Json.RequiredStr(request, "ResourceId", AwsErrorException.Validation);
        var name = Json.RequiredStr(request, "PolicyName", AwsErrorException.Validation);
        var removed = _state.ScalingPolicies.RemoveAll(p => p.ResourceId == resourceId && p.PolicyName == name);
        if (removed == 0)
        {
            throw new AwsErrorException("ObjectNotFoundException", $"No scaling policy found for service namespace: ecs, resource ID: {resourceId}, scalable dimension: {dimension}, policy name: {name}");
        }

        return [];
    }

    private JsonObject PutScheduledAction(JsonObject request)
    {
        RequireNamespace(request);
        var dimension = RequireDimension(request);
        var resourceId = Json.RequiredStr(request, "ResourceId", AwsErrorException.Validation);
        var name = Json.RequiredStr(request, "ScheduledActionName", AwsErrorException.Validation);
        TargetOrThrow(resourceId, dimension);
        var schedule = Json.Str(request, "Schedule");
        if (schedule is not null && !(schedule.StartsWith("at(", StringComparison.Ordinal) || schedule.StartsWith("rate(", StringComparison.Ordinal) || schedule.StartsWith("cron(", StringComparison.Ordinal)))
        {
            throw AwsErrorException.Validation($"Schedule expression '{schedule}' is invalid: use at(...), rate(...) or cron(...).");
        }

        var targetAction = Json.Obj(request, "ScalableTargetAction");
        if (targetAction is not null && Json.Int(targetAction, "MinCapacity") is { } min && Json.Int(targetAction, "MaxCapacity") is { } max && min > max)
        {
            throw AwsErrorException.Validation("Minimum capacity cannot be greater than maximum capacity");
        }

        var action = _state.ScheduledActions.FirstOrDefault(a => a.ResourceId == resourceId && a.Name == name);
        if (action is null)
        {
            action = new SimScheduledAction
            {
                Name = name,
                Arn = _state.Prefix("autoscaling") + $"scheduledAction:{_state.Uuid()}:resource/ecs/{resourceId}:scheduledActionName/{name}",
                ResourceId = resourceId,
                ScalableDimension = dimension,
                Schedule = schedule ?? throw AwsErrorException.Validation("Schedule is required when creating a scheduled action."),
                CreationTime = Now,
            };
            _state.ScheduledActions.Add(action);
        }

        action.Schedule = schedule ?? action.Schedule;
        action.Executed = false;
        action.Timezone = Json.Str(request, "Timezone") ?? action.Timezone;
        action.StartTime = Json.ReadEpoch(request, "StartTime") ?? action.StartTime;
        action.EndTime = Json.ReadEpoch(request, "EndTime") ?? action.EndTime;
        action.ScalableTargetAction = (JsonObject?)targetAction?.DeepClone() ?? action.ScalableTargetAction;
        return [];
    }

    private JsonObject DescribeScheduledActions(JsonObject request)
    {
        RequireNamespace(request);
        var names = Json.Strings(request, "ScheduledActionNames");
        var resourceId = Json.Str(request, "ResourceId");
        var dimension = Json.Str(request, "ScalableDimension");
        var size = MaxResults(request, 50, 50);
        var scope = "DescribeScheduledActions:" + string.Join(',', names) + ":" + resourceId + ":" + dimension;
        var offset = Json.ReadToken(Json.Str(request, "NextToken"), scope, "InvalidNextTokenException");
        var actions = _state.ScheduledActions
            .Where(a => names.Count == 0 || names.Contains(a.Name))
            .Where(a => resourceId is null || a.ResourceId == resourceId)
            .Where(a => dimension is null || a.ScalableDimension == dimension)
            .ToList();
        var response = new JsonObject();
        var page = Json.Page(actions, offset, size, scope, response, "NextToken");
        response["ScheduledActions"] = new JsonArray([.. page.Select(a =>
        {
            var result = new JsonObject
            {
                ["ScheduledActionName"] = a.Name,
                ["ScheduledActionARN"] = a.Arn,
                ["ServiceNamespace"] = "ecs",
                ["Schedule"] = a.Schedule,
                ["ResourceId"] = a.ResourceId,
                ["ScalableDimension"] = a.ScalableDimension,
                ["CreationTime"] = Json.Epoch(a.CreationTime),
            };
            if (a.Timezone is not null)
            {
                result["Timezone"] = a.Timezone;
            }

            if (a.StartTime is { } start)
            {
                result["StartTime"] = Json.Epoch(start);
            }

            if (a.EndTime is { } end)
            {
                result["EndTime"] = Json.Epoch(end);
            }

            if (a.ScalableTargetAction is not null)
            {
                result["ScalableTargetAction"] = a.ScalableTargetAction.DeepClone();
            }

            return (JsonNode?)result;
        })]);
        return response;
    }

    private JsonObject DeleteScheduledAction(JsonObject request)
    {
        RequireNamespace(request);
        var dimension = RequireDimension(request);
        var resourceId = Json.RequiredStr(request, "ResourceId", AwsErrorException.Validation);
        var name = Json.RequiredStr(request, "ScheduledActionName", AwsErrorException.Validation);
        var removed = _state.ScheduledActions.RemoveAll(a => a.ResourceId == resourceId && a.Name == name);
        if (removed == 0)
        {
            throw new AwsErrorException("ObjectNotFoundException", $"No scheduled action found for service namespace: ecs, resource ID: {resourceId}, scalable dimension: {dimension}, scheduled action name: {name}");
        }

        return [];
    }

    private JsonObject DescribeScalingActivities(JsonObject request)
    {
        RequireNamespace(request);
        var resourceId = Json.Str(request, "ResourceId");
        var dimension = Json.Str(request, "ScalableDimension");
        var size = MaxResults(request, 50, 50);
        var scope = "DescribeScalingActivities:" + resourceId + ":" + dimension;
        var offset = Json.ReadToken(Json.Str(request, "NextToken"), scope, "InvalidNextTokenException");
        var activities = _state.ScalingActivities
            .AsEnumerable()
            .Reverse()
            .Where(a => resourceId is null || a.ResourceId == resourceId)
            .Where(a => dimension is null || a.ScalableDimension == dimension)
            .ToList();
        var response = new JsonObject();
        var page = Json.Page(activities, offset, size, scope, response, "NextToken");
        response["ScalingActivities"] = new JsonArray([.. page.Select(a =>
        {
            var result = new JsonObject
            {
                ["ActivityId"] = a.ActivityId,
                ["ServiceNamespace"] = "ecs",
                ["ResourceId"] = a.ResourceId,
                ["ScalableDimension"] = a.ScalableDimension,
                ["Description"] = a.Description,
                ["Cause"] = a.Cause,
                ["StartTime"] = Json.Epoch(a.StartTime),
                ["StatusCode"] = a.StatusCode,
            };
            if (a.EndTime is { } end)
            {
                result["EndTime"] = Json.Epoch(end);
            }

            if (a.StatusMessage is not null)
            {
                result["StatusMessage"] = a.StatusMessage;
            }

            return (JsonNode?)result;
        })]);
        return response;
    }

    private SimScalableTarget TargetByArn(JsonObject request)
    {
        var arn = Json.RequiredStr(request, "ResourceARN", AwsErrorException.Validation);
        return _state.ScalableTargets.Values.FirstOrDefault(t => t.Arn == arn)
            ?? throw new AwsErrorException("ResourceNotFoundException", $"Resource {arn} not found.");
    }

    private static Dictionary<string, string> ReadTagMap(JsonObject request, string member)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Json.Obj(request, member) ?? [])
        {
            if (key.Length is 0 or > 128 || value is not JsonValue v || !v.TryGetValue<string>(out var text) || text.Length > 256)
            {
                throw AwsErrorException.Validation($"Tag '{key}' must have a key of 1-128 and a string value of at most 256 characters.");
            }

            result[key] = text;
        }

        return result;
    }

    private JsonObject TagResource(JsonObject request)
    {
        var target = TargetByArn(request);
        var tags = ReadTagMap(request, "Tags");
        if (target.Tags.Keys.Union(tags.Keys).Count() > 50)
        {
            throw new AwsErrorException("TooManyTagsException", "A resource can have at most 50 tags.");
        }

        foreach (var (key, value) in tags)
        {
            target.Tags[key] = value;
        }

        return [];
    }

    private JsonObject UntagResource(JsonObject request)
    {
        var target = TargetByArn(request);
        foreach (var key in Json.Strings(request, "TagKeys"))
        {
            target.Tags.Remove(key);
        }

        return [];
    }

    private JsonObject ListTagsForResource(JsonObject request)
    {
        var target = TargetByArn(request);
        var tags = new JsonObject();
        foreach (var (key, value) in target.Tags)
        {
            tags[key] = value;
        }

        return new JsonObject { ["Tags"] = tags };
    }

    private static int MaxResults(JsonObject request, int defaultSize, int max)
    {
        var size = Json.Int(request, "MaxResults") ?? defaultSize;
        if (size < 1 || size > max)
        {
            throw AwsErrorException.Validation($"MaxResults must be between 1 and {max}.");
        }

        return size;
    }
}
