namespace EcsOperator.Playground;

/// <summary>A reason the playground cannot start or keep running, told to the user in one line.</summary>
public sealed class PlaygroundException : Exception
{
    public PlaygroundException(string message)
        : base(message)
    {
    }

    public PlaygroundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PlaygroundException()
    {
    }
}
