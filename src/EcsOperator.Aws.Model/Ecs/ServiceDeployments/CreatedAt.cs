namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The optional filter to narrow the ListServiceDeployment results. If you do not specify a value, service
/// deployments that were created before the current time are included in the result.
/// </summary>
public sealed record CreatedAt
{
    /// <summary>
    /// Include service deployments in the result that were created before this time. The format is yyyy-MM-dd
    /// HH:mm:ss.SSSSSS.
    /// </summary>
    public DateTimeOffset? Before { get; init; }

    /// <summary>
    /// Include service deployments in the result that were created after this time. The format is yyyy-MM-dd
    /// HH:mm:ss.SSSSSS.
    /// </summary>
    public DateTimeOffset? After { get; init; }
}
