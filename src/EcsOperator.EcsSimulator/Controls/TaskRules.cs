namespace EcsOperator.Simulator.Controls;

/// <summary>The rules deciding what happens to launched tasks; most recently added rule wins.</summary>
public sealed class TaskRules
{
    private readonly Lock _gate = new();
    private readonly List<ImageFailureRule> _failures = [];
    private readonly List<TaskExitRule> _exits = [];
    private readonly List<(string Stage, string HookTargetPattern)> _hookFailures = [];

    /// <summary>Tasks with an essential container whose image matches fail during startup with <paramref name="exitCode"/>.</summary>
    public void FailImage(string imagePattern, int exitCode = 1) => Add(new ImageFailureRule(imagePattern, exitCode));

    /// <summary>Tasks with an essential container whose image matches cannot pull their image.</summary>
    public void FailImagePull(string imagePattern) => Add(new ImageFailureRule(imagePattern, 0, PullFailure: true));

    /// <summary>Adds an image failure rule.</summary>
    public void Add(ImageFailureRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _failures.Add(rule);
        }
    }

    /// <summary>Running tasks of a matching image exit after <paramref name="runFor"/> with <paramref name="exitCode"/>.</summary>
    public void ExitAfter(string imagePattern, TimeSpan runFor, int exitCode, string? commandPattern = null) =>
        Add(new TaskExitRule(imagePattern, runFor, exitCode, commandPattern));

    /// <summary>Adds a task exit rule.</summary>
    public void Add(TaskExitRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _exits.Add(rule);
        }
    }

    /// <summary>Removes every image failure rule (already failed tasks stay failed).</summary>
    public void ClearImageFailures()
    {
        lock (_gate)
        {
            _failures.Clear();
        }
    }

    /// <summary>
    /// Lifecycle hooks configured for <paramref name="stage"/> (e.g. PRODUCTION_TRAFFIC_SHIFT) whose hookTargetArn
    /// matches answer FAILED, so a blue/green, linear or canary deployment reaching that stage rolls back.
    /// </summary>
    public void FailLifecycleHook(string stage, string hookTargetPattern = "*")
    {
        lock (_gate)
        {
            _hookFailures.Add((stage, hookTargetPattern));
        }
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _failures.Clear();
            _exits.Clear();
            _hookFailures.Clear();
        }
    }

    internal bool HookFails(string stage, string? hookTargetArn)
    {
        lock (_gate)
        {
            return _hookFailures.Any(r => r.Stage == stage && Glob.IsMatch(r.HookTargetPattern, hookTargetArn ?? ""));
        }
    }

    internal ImageFailureRule? FailureFor(string image)
    {
        lock (_gate)
        {
            return _failures.LastOrDefault(r => Glob.IsMatch(r.ImagePattern, image));
        }
    }

    internal TaskExitRule? ExitFor(string image, string? command)
    {
        lock (_gate)
        {
            return _exits.LastOrDefault(r => Glob.IsMatch(r.ImagePattern, image)
                && (r.CommandPattern is null || Glob.IsMatch(r.CommandPattern, command ?? "")));
        }
    }
}
