using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>ListTasks</c> operation. Returns a list of tasks. You can filter the results by cluster,
/// task definition family, container instance, launch type, what IAM principal started the task, or by the desired
/// status of the task.
/// </summary>
public sealed record ListTasksRequest
{
    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of the cluster to use when filtering the ListTasks
    /// results. If you do not specify a cluster, the default cluster is assumed.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// The container instance ID or full ARN of the container instance to use when filtering the ListTasks results.
    /// </summary>
    public string? ContainerInstance { get; init; }

    /// <summary>
    /// The name of the task definition family to use when filtering the ListTasks results. Specifying a family
    /// limits the results to tasks that belong to that family.
    /// </summary>
    public string? Family { get; init; }

    /// <summary>
    /// The nextToken value returned from a ListTasks request indicating that more results are available to fulfill
    /// the request and further calls will be needed.
    /// </summary>
    public string? NextToken { get; init; }

    /// <summary>
    /// The maximum number of task results that ListTasks returned in paginated output. When this parameter is used,
    /// ListTasks only returns maxResults results in a single page along with a nextToken response element.
    /// </summary>
    public int? MaxResults { get; init; }

    /// <summary>
    /// The startedBy value to filter the task results with. Specifying a startedBy value limits the results to
    /// tasks that were started with that value.
    /// </summary>
    public string? StartedBy { get; init; }

    /// <summary>
    /// The name of the service to use when filtering the ListTasks results. Specifying a serviceName limits the
    /// results to tasks that belong to that service.
    /// </summary>
    public string? ServiceName { get; init; }

    /// <summary>
    /// The task desired status to use when filtering the ListTasks results. Specifying a desiredStatus of STOPPED
    /// limits the results to tasks that Amazon ECS has set the desired status to STOPPED. This can be useful for
    /// debugging tasks that aren't starting properly or have died or finished. The default status filter is
    /// RUNNING, which shows tasks that Amazon ECS has set the desired status to RUNNING. Although you can filter
    /// results based on a desired status of PENDING, this doesn't return any results.
    /// </summary>
    [AllowedValues("RUNNING", "PENDING", "STOPPED")]
    public string? DesiredStatus { get; init; }

    /// <summary>
    /// The launch type to use when filtering the ListTasks results.
    /// </summary>
    [AllowedValues("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")]
    public string? LaunchType { get; init; }

    /// <summary>
    /// The name of the daemon to use when filtering the ListTasks results. Specifying a daemonName limits the
    /// results to tasks that belong to that daemon.
    /// </summary>
    public string? DaemonName { get; init; }
}
