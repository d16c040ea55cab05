using System.Text.RegularExpressions;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Core.Services;

/// <summary>
/// Reads from a described service whether ECS is failing to place the tasks of its newest deployment. ECS says so
/// only in service events ("(service web) was unable to place a task because no container instance met all of its
/// requirements. The closest matching container-instance 3f2a... has insufficient memory available. ..."), logged
/// once per cause (duplicates are omitted until the cause is resolved), so a failure counts while it is not older
/// than the deployment or than the last "has started" event, and the deployment still lacks tasks.
/// </summary>
public static partial class PlacementObserver
{
    private const string UnablePrefix = "was unable to place a task";
    private const string NoInstanceMet = "because no container instance met all of its requirements.";
    private const string MoreInformation = "For more information, see the Troubleshooting section";

    /// <param name="live">The service as DescribeServices returned it.</param>
    /// <param name="target">The deployment being followed (the PRIMARY one); null means the service's PRIMARY deployment.</param>
    public static PlacementFailure? Observe(Service live, Deployment? target = null)
    {
        ArgumentNullException.ThrowIfNull(live);
        target ??= live.Deployments?.FirstOrDefault(d => d.Status == "PRIMARY");
        if (target is null || target.RolloutState == "FAILED")
            return null;
        var desired = target.DesiredCount ?? live.DesiredCount ?? 0;
        var missing = desired - (target.RunningCount ?? 0) - (target.PendingCount ?? 0);
        if (missing <= 0)
            return null;

        // Events come newest first; the first placement failure is the current cause, unless tasks started after it.
        var events = live.Events ?? [];
        var failure = events.FirstOrDefault(e => e.Message?.Contains(UnablePrefix, StringComparison.Ordinal) == true);
        if (failure?.Message is not { } message)
            return null;
        var since = failure.CreatedAt;
        if (since is { } at && target.CreatedAt is { } created && at < created)
            return null;
        var lastStart = events.FirstOrDefault(e => e.Message?.Contains(") has started ", StringComparison.Ordinal) == true);
        if (since is { } failedAt && lastStart?.CreatedAt is { } startedAt && startedAt > failedAt)
            return null;

        return new PlacementFailure(missing, desired, Cause(message), Reason(message), since);
    }

    /// <summary>What ran out, read off ECS's sentence.</summary>
    internal static string Cause(string message) =>
        message.Contains("insufficient memory", StringComparison.OrdinalIgnoreCase) ? "RESOURCE:MEMORY"
        : message.Contains("insufficient CPU", StringComparison.OrdinalIgnoreCase) ? "RESOURCE:CPU"
        : message.Contains("port", StringComparison.OrdinalIgnoreCase) ? "RESOURCE:PORTS"
        : message.Contains("No Container Instances were found", StringComparison.OrdinalIgnoreCase) ? "NO_INSTANCES"
        : message.Contains("constraint", StringComparison.OrdinalIgnoreCase) || message.Contains("attribute", StringComparison.OrdinalIgnoreCase) ? "CONSTRAINT"
        : "UNKNOWN";

    /// <summary>
    /// ECS's explanation without the "(service x) was unable to place a task because ..." preamble and the pointer to
    /// the guide; ARNs (which carry the account) are cut to their resource ids.
    /// </summary>
    internal static string Reason(string message)
    {
        var text = message;
        var unable = text.IndexOf(UnablePrefix, StringComparison.Ordinal);
        text = unable >= 0 ? text[(unable + UnablePrefix.Length)..] : text;
        var met = text.IndexOf(NoInstanceMet, StringComparison.Ordinal);
        text = met >= 0 ? text[(met + NoInstanceMet.Length)..] : text.TrimStart('.', ' ');
        var more = text.IndexOf(MoreInformation, StringComparison.Ordinal);
        text = more >= 0 ? text[..more] : text;
        text = ArnPattern().Replace(text, m => m.Value[(m.Value.LastIndexOf('/') + 1)..]).Trim();
        if (text.Length == 0)
            return "no container instance met all of the task's requirements.";
        return text.EndsWith('.') ? text : text + ".";
    }

    [GeneratedRegex(@"arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:[^\s)""]+", RegexOptions.CultureInvariant)]
    private static partial Regex ArnPattern();
}
