namespace EcsOperator.Cli;

/// <summary>How log entries are written to stdout.</summary>
public enum LogFormat
{
    /// <summary>One human-readable line per entry (the simple console formatter).</summary>
    Text,

    /// <summary>One JSON object per line (the JSON console formatter), for log collectors.</summary>
    Json,
}
