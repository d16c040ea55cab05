namespace EcsOperator.Simulator.Model;

/// <summary>What will happen to a task, decided when it is launched from the configured rules.</summary>
internal enum TaskFate
{
    /// <summary>Runs until stopped (service tasks without rules).</summary>
    RunForever,

    /// <summary>Runs for <see cref="SimTask.RunFor"/>, then its essential container exits with <see cref="SimTask.PlannedExitCode"/>.</summary>
    ExitAfter,

    /// <summary>The essential container exits during startup; the task never reaches RUNNING.</summary>
    ExitOnStart,

    /// <summary>The image cannot be pulled; the task never reaches RUNNING.</summary>
    CannotPull,
}
