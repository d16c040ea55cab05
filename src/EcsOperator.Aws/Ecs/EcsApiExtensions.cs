using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Paging;

namespace EcsOperator.Aws.Ecs;

/// <summary>
/// Whole-result helpers over <see cref="IEcsApi"/>: describe any number of services or tasks (ECS caps a call at
/// 10 services or 100 tasks) and follow <c>nextToken</c> through every page of a listing.
/// </summary>
public static class EcsApiExtensions
{
    /// <summary>The most services one DescribeServices call accepts.</summary>
    public const int MaxServicesPerDescribe = 10;

    /// <summary>The most tasks one DescribeTasks call accepts.</summary>
    public const int MaxTasksPerDescribe = 100;

    /// <summary>
    /// Describes every service named in <paramref name="request"/> (names or ARNs, any number; duplicates are sent
    /// once) in calls of at most 10, and merges the services and failures of all calls.
    /// </summary>
    public static async Task<ServiceDescriptions> DescribeAllServicesAsync(
        this IEcsApi ecs, DescribeServicesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        ArgumentNullException.ThrowIfNull(request);

        var services = new List<Service>();
        var failures = new List<Failure>();
        foreach (var batch in Batches(request.Services, MaxServicesPerDescribe, nameof(request.Services)))
        {
            var response = await ecs.DescribeServicesAsync(request with { Services = batch }, cancellationToken);
            services.AddRange(response.Services ?? []);
            failures.AddRange(response.Failures ?? []);
        }

        return new ServiceDescriptions(services, failures);
    }

    /// <summary>
    /// Describes every task named in <paramref name="request"/> (IDs or ARNs, any number; duplicates are sent
    /// once) in calls of at most 100, and merges the tasks and failures of all calls.
    /// </summary>
    public static async Task<DescribeTasksResponse> DescribeAllTasksAsync(
        this IEcsApi ecs, DescribeTasksRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        ArgumentNullException.ThrowIfNull(request);

        var tasks = new List<TaskDescription>();
        var failures = new List<Failure>();
        foreach (var batch in Batches(request.Tasks, MaxTasksPerDescribe, nameof(request.Tasks)))
        {
            var response = await ecs.DescribeTasksAsync(request with { Tasks = batch }, cancellationToken);
            tasks.AddRange(response.Tasks ?? []);
            failures.AddRange(response.Failures ?? []);
        }

        return new DescribeTasksResponse { Tasks = tasks, Failures = failures };
    }

    /// <summary>Every task definition ARN matching <paramref name="request"/>, across all pages.</summary>
    public static Task<IReadOnlyList<string>> ListAllTaskDefinitionsAsync(
        this IEcsApi ecs, ListTaskDefinitionsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        return Pages.CollectAsync(
            request,
            ecs.ListTaskDefinitionsAsync,
            (r, token) => r with { NextToken = token },
            page => page.TaskDefinitionArns,
            page => page.NextToken,
            cancellationToken);
    }

    /// <summary>Every task definition family matching <paramref name="request"/>, across all pages.</summary>
    public static Task<IReadOnlyList<string>> ListAllTaskDefinitionFamiliesAsync(
        this IEcsApi ecs, ListTaskDefinitionFamiliesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        return Pages.CollectAsync(
            request,
            ecs.ListTaskDefinitionFamiliesAsync,
            (r, token) => r with { NextToken = token },
            page => page.Families,
            page => page.NextToken,
            cancellationToken);
    }

    /// <summary>Every service ARN matching <paramref name="request"/>, across all pages.</summary>
    public static Task<IReadOnlyList<string>> ListAllServicesAsync(
        this IEcsApi ecs, ListServicesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        return Pages.CollectAsync(
            request,
            ecs.ListServicesAsync,
            (r, token) => r with { NextToken = token },
            page => page.ServiceArns,
            page => page.NextToken,
            cancellationToken);
    }

    /// <summary>Every task ARN matching <paramref name="request"/>, across all pages.</summary>
    public static Task<IReadOnlyList<string>> ListAllTasksAsync(
        this IEcsApi ecs, ListTasksRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        return Pages.CollectAsync(
            request,
            ecs.ListTasksAsync,
            (r, token) => r with { NextToken = token },
            page => page.TaskArns,
            page => page.NextToken,
            cancellationToken);
    }

    /// <summary>Every service deployment matching <paramref name="request"/>, across all pages.</summary>
    public static Task<IReadOnlyList<ServiceDeploymentBrief>> ListAllServiceDeploymentsAsync(
        this IEcsApi ecs, ListServiceDeploymentsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        return Pages.CollectAsync(
            request,
            ecs.ListServiceDeploymentsAsync,
            (r, token) => r with { NextToken = token },
            page => page.ServiceDeployments,
            page => page.NextToken,
            cancellationToken);
    }

    private static IEnumerable<IReadOnlyList<string>> Batches(IReadOnlyList<string>? names, int size, string member)
    {
        if (names is null || names.Count == 0)
            throw new ArgumentException($"At least one entry in {member} is required.", member);
        if (names.Any(string.IsNullOrEmpty))
            throw new ArgumentException($"{member} must not contain empty entries.", member);

        return names.Distinct(StringComparer.Ordinal).Chunk(size);
    }
}
