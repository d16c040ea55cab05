using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Simulator;

namespace EcsOperator.Chaos.Tests;

/// <summary>The invariants checked at the end of every run, against what AWS (the simulator) really holds and what the proxy saw.</summary>
public static class Invariants
{
    /// <summary>AWS calls one object may cost over a whole run (faults and retries included) before it counts as a hot loop.</summary>
    public const int MaxCallsPerObject = 600;

    /// <summary>Reads per live object per second allowed while nothing changes.</summary>
    public const double MaxQuietReadsPerObjectPerSecond = 5;

    public static JsonObject? DescribeService(EcsSimulator sim, string name) =>
        sim.Invoke("DescribeServices", new JsonObject
        {
            ["cluster"] = ChaosWorkload.EcsCluster,
            ["services"] = new JsonArray(name),
            ["include"] = new JsonArray("TAGS"),
        })["services"] is JsonArray { Count: > 0 } services ? services[0] as JsonObject : null; // never created, or purged: gone

    private static IEnumerable<JsonObject> Revisions(EcsSimulator sim, string family, string status)
    {
        var arns = sim.Invoke("ListTaskDefinitions", new JsonObject { ["familyPrefix"] = family, ["status"] = status })["taskDefinitionArns"] as JsonArray ?? [];
        foreach (var arn in arns)
        {
            var described = sim.Invoke("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = (string)arn!, ["include"] = new JsonArray("TAGS") });
            yield return described;
        }
    }

    private static string? Tag(JsonNode? tags, string key) =>
        (tags as JsonArray)?.OfType<JsonObject>().Where(t => (string?)t["key"] == key).Select(t => (string?)t["value"]).FirstOrDefault();

    private static bool Targets(AwsCall call, string name) =>
        call.Targets().Any(t => t == name || t.EndsWith("/" + name, StringComparison.Ordinal) || t.Contains("/" + name + ":", StringComparison.Ordinal));

    public static IEnumerable<string> Check(IEnumerable<TrackedObject> objects, IReadOnlyList<AwsCall> calls, IReadOnlyList<AwsCall> quiet,
        int liveObjects, EcsSimulator sim, ForeignResources foreign)
    {
        var tracked = objects.ToList();
        var violations = new List<string>();

        // No duplicate ECS service: a service is created once per EcsService the user created. A retried CreateService
        // with the same clientToken answers with the service it already created (same createdAt): not a new one.
        foreach (var group in calls.Where(c => c.Operation == "CreateService" && c.Succeeded).GroupBy(c => (string?)c.Request["serviceName"]))
        {
            var creations = tracked.FirstOrDefault(o => o.Plural == Kinds.Service.Plural && o.Name == group.Key)?.Creations ?? 0;
            var services = group.Select(c => c.Response?["service"]?["createdAt"]?.ToJsonString()).Distinct().Count();
            if (services > creations)
                violations.Add($"duplicate ECS service: CreateService for {group.Key} created {services} services for {creations} EcsService creation(s)");
        }

        // No duplicate revision: at most one ACTIVE revision per owner and spec hash.
        var families = tracked.Where(o => o.Plural == Kinds.TaskDefinition.Plural).Select(o => ChaosWorkload.Family(o.Name)).ToList();
        foreach (var family in families)
        {
            var active = Revisions(sim, family, "ACTIVE").ToList();
            foreach (var dup in active.GroupBy(r => (Tag(r["tags"], ApiGroup.OwnerTagKey), Tag(r["tags"], ApiGroup.SpecHashTagKey))).Where(g => g.Count() > 1))
                violations.Add($"duplicate revision: {dup.Count()} ACTIVE revisions of {family} for owner {dup.Key.Item1} and spec hash {dup.Key.Item2}: {string.Join(", ", dup.Select(r => (string?)r["taskDefinition"]!["revision"]?.ToString()))}");
        }

        // No duplicate one-off task: one task per EcsTask (count 1). A RunTask retried with its clientToken answers
        // with the task it already started: count distinct task ARNs, not answers.
        foreach (var group in calls.Where(c => c.Operation == "RunTask" && c.Succeeded).GroupBy(c => c.RequestTag(ApiGroup.OwnerTagKey)))
        {
            var tasks = group.SelectMany(c => (c.Response?["tasks"] as JsonArray ?? []).Select(t => (string?)t!["taskArn"])).Distinct().Count();
            if (tasks > 1)
                violations.Add($"duplicate one-off task: RunTask for {group.Key} started {tasks} tasks ({group.Count()} answers)");
        }

        // Scalable targets and policies: one target per resource, no more policies than the spec names (one).
        var targets = sim.Invoke("DescribeScalableTargets", new JsonObject { ["ServiceNamespace"] = "ecs" })["ScalableTargets"] as JsonArray ?? [];
        foreach (var dup in targets.OfType<JsonObject>().GroupBy(t => (string?)t["ResourceId"]).Where(g => g.Count() > 1))
            violations.Add($"duplicate scalable target for {dup.Key}");
        var policies = sim.Invoke("DescribeScalingPolicies", new JsonObject { ["ServiceNamespace"] = "ecs" })["ScalingPolicies"] as JsonArray ?? [];
        foreach (var group in policies.OfType<JsonObject>().GroupBy(p => (string?)p["ResourceId"]).Where(g => g.Count() > 1))
            violations.Add($"duplicate scaling policy: {group.Count()} policies on {group.Key}: {string.Join(", ", group.Select(p => (string?)p["PolicyName"]))}");
        var autoScaled = $"service/{ChaosWorkload.EcsCluster}/{ChaosWorkload.AutoScaledService}";
        var autoScaledObject = tracked.FirstOrDefault(o => o.Name == ChaosWorkload.AutoScaledService);
        var hasTarget = targets.OfType<JsonObject>().Any(t => (string?)t["ResourceId"] == autoScaled);
        if (autoScaledObject is { Alive: true } && !hasTarget)
            violations.Add($"scalable target missing for {autoScaled}");

        foreach (var o in tracked.Where(o => !o.Alive && o.DeletedAt is not null))
            violations.AddRange(CheckDeleted(o, calls, sim, hasTarget && o.Name == ChaosWorkload.AutoScaledService));

        // Nothing owned by someone else is touched.
        foreach (var call in calls.Where(c => c.IsMutation && c.Succeeded && c.Targets().Any(t => t.Contains(ForeignResources.Prefix, StringComparison.Ordinal))))
            violations.Add($"foreign resource touched: {call.Operation} {call.Request.ToJsonString()}");
        violations.AddRange(foreign.Changes(sim));

        // No hot loop.
        // A write that is due once (a revision retired on the next resync, once no deployment uses it) is not a loop;
        // the same write again while nothing changes is.
        var quietMutations = quiet.Where(c => c.IsMutation).ToList();
        var repeated = quietMutations.GroupBy(c => c.Operation + " " + c.Request.ToJsonString()).Where(g => g.Count() > 1).ToList();
        if (repeated.Count > 0)
            violations.Add($"hot loop: AWS writes repeated while nothing changed: {string.Join("; ", repeated.Select(g => $"{g.Key} ×{g.Count()}"))}");
        var quietReads = quiet.Count - quietMutations.Count;
        if (quietReads > MaxQuietReadsPerObjectPerSecond * 2 * liveObjects)
            violations.Add($"hot loop: {quietReads} AWS reads in 2 s with nothing to do for {liveObjects} objects: {string.Join(", ", quiet.GroupBy(c => c.Operation).Select(g => $"{g.Key}×{g.Count()}"))}");
        var created = Math.Max(1, tracked.Sum(o => o.Creations));
        if (calls.Count > MaxCallsPerObject * created)
            violations.Add($"hot loop: {calls.Count} AWS calls for {created} objects (bound {MaxCallsPerObject} per object)");
        return violations;
    }

    /// <summary>Whether the operator created the AWS resource for the object's last incarnation (a Retain check needs one to retain).</summary>
    private static bool CreatedForLastIncarnation(TrackedObject o, IReadOnlyList<AwsCall> calls, string operation, string key, string name) =>
        calls.Any(c => c.Operation == operation && c.Succeeded && c.At >= o.CreatedAt && (string?)c.Request[key] == name);

    private static IEnumerable<string> CheckDeleted(TrackedObject o, IReadOnlyList<AwsCall> calls, EcsSimulator sim, bool hasTarget)
    {
        var retain = o.DeletionPolicy == "Retain";
        var afterGone = calls.Where(c => c.IsMutation && c.Succeeded && o.GoneAt is { } gone && c.At > gone).ToList();
        if (o.Plural == Kinds.Service.Plural)
        {
            var status = (string?)DescribeService(sim, o.Name)?["status"];
            if (!retain && status is "ACTIVE" or "DRAINING")
                yield return $"left behind: ECS service {o.Name} is {status} after its EcsService was deleted (Delete policy)";
            if (!retain && hasTarget)
                yield return $"left behind: scalable target of {o.Name} after its EcsService was deleted (Delete policy)";
            if (retain && status != "ACTIVE" && CreatedForLastIncarnation(o, calls, "CreateService", "serviceName", o.Name))
                yield return $"retained ECS service {o.Name} is {status ?? "missing"} (Retain policy)";
            if (retain)
            {
                foreach (var call in calls.Where(c => c.Operation == "DeleteService" && c.At > o.DeletedAt && Targets(c, o.Name)))
                    yield return $"retained ECS service {o.Name} deleted: {call.Request.ToJsonString()}";
                foreach (var call in afterGone.Where(c => Targets(c, o.Name)))
                    yield return $"retained ECS service {o.Name} touched after its EcsService was gone: {call.Operation}";
            }
        }
        else if (o.Plural == Kinds.TaskDefinition.Plural)
        {
            var family = ChaosWorkload.Family(o.Name);
            var owned = Revisions(sim, family, "ACTIVE").Where(r => Tag(r["tags"], ApiGroup.OwnerTagKey) == ChaosWorkload.Owner(o.Name)).ToList();
            if (!retain && owned.Count > 0)
                yield return $"left behind: {owned.Count} ACTIVE revision(s) of {family} after its EcsTaskDefinition was deleted (Delete policy)";
            if (retain && owned.Count == 0 && CreatedForLastIncarnation(o, calls, "RegisterTaskDefinition", "family", family))
                yield return $"retained family {family} has no ACTIVE revision left (Retain policy)";
            if (retain)
            {
                foreach (var call in calls.Where(c => c.Operation is "DeregisterTaskDefinition" or "DeleteTaskDefinitions" && c.At > o.DeletedAt && Targets(c, family)))
                    yield return $"retained revision of {family} deregistered after the deletion: {call.Request.ToJsonString()}";
            }
        }
        else if (o.Plural == Kinds.Cluster.Plural)
        {
            var cluster = sim.Invoke("DescribeClusters", new JsonObject { ["clusters"] = new JsonArray(ChaosWorkload.ClusterName) })["clusters"] is JsonArray { Count: > 0 } clusters ? clusters[0] : null;
            var status = (string?)cluster?["status"];
            if (!retain && status == "ACTIVE")
                yield return $"left behind: ECS cluster {ChaosWorkload.ClusterName} is ACTIVE after its EcsCluster was deleted (Delete policy)";
            if (retain && status != "ACTIVE" && CreatedForLastIncarnation(o, calls, "CreateCluster", "clusterName", ChaosWorkload.ClusterName))
                yield return $"retained ECS cluster {ChaosWorkload.ClusterName} is {status ?? "missing"} (Retain policy)";
            if (retain)
            {
                foreach (var call in calls.Where(c => c.Operation == "DeleteCluster" && c.At > o.DeletedAt && Targets(c, ChaosWorkload.ClusterName)))
                    yield return $"retained ECS cluster deleted: {call.Request.ToJsonString()}";
            }
        }
        else if (o.Plural == Kinds.Task.Plural)
        {
            var arns = calls.Where(c => c.Operation == "RunTask" && c.Succeeded && c.RequestTag(ApiGroup.OwnerTagKey) == ChaosWorkload.Owner(o.Name))
                .SelectMany(c => (c.Response?["tasks"] as JsonArray ?? []).Select(t => (string?)t!["taskArn"])).OfType<string>().ToList();
            if (arns.Count > 0)
            {
                var described = sim.Invoke("DescribeTasks", new JsonObject { ["cluster"] = ChaosWorkload.EcsCluster, ["tasks"] = new JsonArray([.. arns.Select(a => (JsonNode)a)]) });
                foreach (var task in (described["tasks"] as JsonArray ?? []).OfType<JsonObject>().Where(t => (string?)t["desiredStatus"] != "STOPPED"))
                    yield return $"left behind: task {task["taskArn"]} of deleted EcsTask {o.Name} is {task["lastStatus"]}";
            }
        }
    }
}
