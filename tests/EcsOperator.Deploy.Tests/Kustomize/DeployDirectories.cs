namespace EcsOperator.Deploy.Tests.Kustomize;

/// <summary>The kustomizations under deploy/, each rendered once per test run.</summary>
public static class DeployDirectories
{
    public static string Default => Path.Combine(RepoPaths.Root, "deploy");

    public static string SingleNamespace => Path.Combine(RepoPaths.Root, "deploy", "overlays", "single-namespace");

    private static readonly Lazy<Rendered> DefaultRendered = new(() => new Rendered(KustomizeRenderer.Render(Default)));

    private static readonly Lazy<Rendered> SingleNamespaceRendered = new(() => new Rendered(KustomizeRenderer.Render(SingleNamespace)));

    public static Rendered RenderedDefault => DefaultRendered.Value;

    public static Rendered RenderedSingleNamespace => SingleNamespaceRendered.Value;

    /// <summary>Every kustomization directory a user may point kubectl at (name relative to the repository).</summary>
    public static TheoryData<string> All => new("deploy", "deploy/overlays/single-namespace");
}
