namespace EcsOperator.Cli;

/// <summary>The operator cannot start for a reason the user must fix (e.g. the health port is taken): exit code 2.</summary>
public sealed class StartupException : Exception
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupException()
    {
    }
}
