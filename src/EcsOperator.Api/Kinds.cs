using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Crds;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Api.Tenancy;

namespace EcsOperator.Api;

/// <summary>
/// The five kinds the operator reconciles, and the cluster-scoped tenancy policy it reads, with their names, printer
/// columns and subresources.
/// </summary>
public static class Kinds
{
    private static readonly PrinterColumn Ready = new(
        "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether AWS matches the spec.");

    private static readonly PrinterColumn Age = new(
        "Age", "date", ".metadata.creationTimestamp", "Time since the object was created.");

    public static KindDefinition TaskDefinition { get; } = new()
    {
        Group = ApiGroup.Group,
        Version = ApiGroup.Version,
        Kind = EcsTaskDefinition.KindName,
        Plural = "ecstaskdefinitions",
        Singular = "ecstaskdefinition",
        ShortNames = ["ecstd"],
        Categories = [ApiGroup.Category],
        ClrType = typeof(EcsTaskDefinition),
        PrinterColumns =
        [
            new("Family", "string", ".status.family", "The task-definition family."),
            new("Revision", "integer", ".status.revision", "The revision registered for the current spec."),
            Ready,
            Age,
            new("ARN", "string", ".status.taskDefinitionArn", "The ARN of the current revision.", Priority: 1),
        ],
    };

    public static KindDefinition Service { get; } = new()
    {
        Group = ApiGroup.Group,
        Version = ApiGroup.Version,
        Kind = EcsService.KindName,
        Plural = "ecsservices",
        Singular = "ecsservice",
        ShortNames = ["ecssvc"],
        Categories = [ApiGroup.Category],
        ClrType = typeof(EcsService),
        PrinterColumns =
        [
            new("Cluster", "string", ".status.clusterName", "The ECS cluster the service runs in."),
            new("Desired", "integer", ".status.desiredCount", "The desired number of tasks."),
            new("Running", "integer", ".status.runningCount", "The number of RUNNING tasks."),
            new("Rollout", "string", ".status.rollout.progress", "The rollout state of the newest deployment, or its lifecycle stage and production traffic (e.g. BAKE_TIME 100%)."),
            Ready,
            new("Drifted", "string", ".status.conditions[?(@.type==\"Drifted\")].status", "Whether AWS was changed outside the operator."),
            Age,
            new("Task definition", "string", ".status.taskDefinitionArn", "The task definition of the primary deployment.", Priority: 1),
        ],
        Scale = new ScaleSubresource(".spec.desiredCount", ".status.runningCount"),
    };

    public static KindDefinition Cluster { get; } = new()
    {
        Group = ApiGroup.Group,
        Version = ApiGroup.Version,
        Kind = EcsCluster.KindName,
        Plural = "ecsclusters",
        Singular = "ecscluster",
        ShortNames = ["ecscl"],
        Categories = [ApiGroup.Category],
        ClrType = typeof(EcsCluster),
        PrinterColumns =
        [
            new("Status", "string", ".status.status", "The cluster's status in ECS."),
            Ready,
            Age,
            new("Services", "integer", ".status.activeServicesCount", "ACTIVE services in the cluster.", Priority: 1),
            new("Running tasks", "integer", ".status.runningTasksCount", "RUNNING tasks in the cluster.", Priority: 1),
        ],
    };

    public static KindDefinition Task { get; } = new()
    {
        Group = ApiGroup.Group,
        Version = ApiGroup.Version,
        Kind = EcsTask.KindName,
        Plural = "ecstasks",
        Singular = "ecstask",
        ShortNames = ["ecstask"],
        Categories = [ApiGroup.Category],
        ClrType = typeof(EcsTask),
        PrinterColumns =
        [
            new("Status", "string", ".status.phase", "Pending, Running, Succeeded or Failed."),
            new("Exit code", "integer", ".status.exitCode", "The exit code that decided the phase."),
            Age,
            new("Stop code", "string", ".status.tasks[0].stopCode", "Why the (first) task stopped.", Priority: 1),
        ],
    };

    public static KindDefinition CapacityProvider { get; } = new()
    {
        Group = ApiGroup.Group,
        Version = ApiGroup.Version,
        Kind = EcsCapacityProvider.KindName,
        Plural = "ecscapacityproviders",
        Singular = "ecscapacityprovider",
        ShortNames = ["ecscp"],
        Categories = [ApiGroup.Category],
        ClrType = typeof(EcsCapacityProvider),
        PrinterColumns =
        [
            new("Status", "string", ".status.status", "The capacity provider's status in ECS."),
            Ready,
            Age,
            new("Name", "string", ".status.name", "The ECS capacity provider name clusters and strategies use.", Priority: 1),
            new("Update", "string", ".status.updateStatus", "The last create, update or delete as ECS reports it.", Priority: 1),
        ],
    };

    /// <summary>
    /// The admin's cluster-scoped tenancy policy: read, never written, by the operator; not in the <c>ecs</c> category,
    /// so tenants' <c>kubectl get ecs</c> stays about their own objects.
    /// </summary>
    public static KindDefinition TenantPolicy { get; } = new()
    {
        Group = ApiGroup.Group,
        Version = ApiGroup.Version,
        Kind = EcsTenantPolicy.KindName,
        Plural = "ecstenantpolicies",
        Singular = "ecstenantpolicy",
        ShortNames = ["ecstp"],
        Categories = [],
        ClrType = typeof(EcsTenantPolicy),
        Namespaced = false,
        HasStatus = false,
        PrinterColumns =
        [
            new("Role", "string", ".spec.awsRoleArn", "The IAM role assumed for the selected namespaces."),
            new("Family prefix", "string", ".spec.taskDefinitionFamilyPrefix", "The prefix of every task-definition family."),
            Age,
        ],
    };

    /// <summary>
    /// The reconciled kinds. The order carries no dependency: each controller waits for the objects it references
    /// (ReferenceResolver), whatever order the kinds start in; generated files (CRDs, Argo CD health) follow it.
    /// </summary>
    public static IReadOnlyList<KindDefinition> All { get; } = [TaskDefinition, Cluster, Service, Task, CapacityProvider];

    /// <summary>Every kind with a CRD: the reconciled kinds, then the tenancy policy.</summary>
    public static IReadOnlyList<KindDefinition> Crds { get; } = [.. All, TenantPolicy];

    /// <summary>The kind (of <see cref="Crds"/>) with the given name, or null.</summary>
    public static KindDefinition? ByKind(string kind) => Crds.FirstOrDefault(k => k.Kind == kind);
}
