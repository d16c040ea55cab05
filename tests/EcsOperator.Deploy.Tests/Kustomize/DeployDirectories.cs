namespace EcsOperator.Deploy.Tests.Kustomize;

/// <summary>The kustomizations under deploy/, each rendered once per test run.</summary>
public static class DeployDirectories
{
    public static string Default => Path.Combine(RepoPaths.Root, "deploy");

    public static string SingleNamespace => Path.Combine(RepoPaths.Root, "deploy", "overlays", "single-namespace");

    private static readonly Lazy<Rendered> DefaultRendered = new(() => new Rendered(KustomizeRenderer.Render(Default)));

    private static readonly Lazy<Rendered> SingleNamespaceRendered = new(() => new Rendered(KustomizeRenderer.Render(SingleNamespace)));

    private static readonly Lazy<Rendered> AggregatedRendered = new(() => new Rendered(KustomizeRenderer.Render(UserKustomizationWithAggregatedRoles())));

    public static Rendered RenderedDefault => DefaultRendered.Value;

    /// <summary>The default install plus the opt-in components/aggregate-to-default-roles, as a user would include them.</summary>
    public static Rendered RenderedWithAggregatedRoles => AggregatedRendered.Value;

    public static string AggregationComponent => Path.Combine(RepoPaths.Root, "deploy", "components", "aggregate-to-default-roles");

    /// <summary>
    /// A kustomization outside deploy/ (kustomize refuses a root that contains the including one) that includes the
    /// default install and the aggregation component, the way the component's header tells users to.
    /// </summary>
    public static string UserKustomizationWithAggregatedRoles()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ecs-operator-aggregated-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        var deploy = Path.GetRelativePath(directory, Default);
        var component = Path.GetRelativePath(directory, AggregationComponent);
        File.WriteAllText(Path.Combine(directory, "kustomization.yaml"),
            $"apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - {deploy}\ncomponents:\n  - {component}\n");
        return directory;
    }

    public static Rendered RenderedSingleNamespace => SingleNamespaceRendered.Value;

    /// <summary>Every kustomization directory a user may point kubectl at (name relative to the repository).</summary>
    public static TheoryData<string> All => new("deploy", "deploy/overlays/single-namespace");
}
