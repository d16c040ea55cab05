using EcsOperator.Simulator.Controls;

namespace EcsOperator.Playground;

/// <summary>
/// The image tags the playground's simulator fails, so a broken release can be tried with an edit of the image:
/// real ECS would fail such tasks because the container crashes or its image does not exist.
/// </summary>
public static class PlaygroundImages
{
    /// <summary>An image with this tag starts, then its container exits with code 1 (EssentialContainerExited).</summary>
    public const string CrashingTag = "broken";

    /// <summary>An image with this tag cannot be pulled (CannotPullContainerError, TaskFailedToStart).</summary>
    public const string MissingTag = "missing";

    internal static void Install(TaskRules rules)
    {
        rules.FailImage("*:" + CrashingTag);
        rules.FailImagePull("*:" + MissingTag);
    }
}
