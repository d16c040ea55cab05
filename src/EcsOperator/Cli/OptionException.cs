namespace EcsOperator.Cli;

/// <summary>A bad option value (from the command line, the environment or configuration): exit code 2.</summary>
public sealed class OptionException : Exception
{
    public OptionException(string message)
        : base(message)
    {
    }

    public OptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OptionException()
    {
    }
}
