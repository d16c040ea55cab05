using EcsOperator.Deploy.Tests.Support;
using EcsOperator.KubeApiServer;

namespace EcsOperator.Deploy.Tests.Kustomize;

/// <summary>Every kustomization renders, to well-formed objects, and the real kustomize (when present) agrees.</summary>
public sealed class KustomizeRenderingTests
{
    private static readonly HashSet<string> ClusterScopedKinds = ["Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding"];

    [Theory]
    [MemberData(nameof(DeployDirectories.All), MemberType = typeof(DeployDirectories))]
    public void Every_rendered_object_is_well_formed_and_unique(string directory)
    {
        var objects = KustomizeRenderer.Render(Path.Combine(RepoPaths.Root, directory));
        Assert.NotEmpty(objects);
        var problems = new List<string>();
        foreach (var obj in objects)
        {
            var kind = obj["kind"]?.GetValue<string>();
            var name = obj["metadata"]?["name"]?.GetValue<string>();
            if (obj["apiVersion"]?.GetValue<string>() is not { Length: > 0 } || kind is null || name is null)
            {
                problems.Add($"missing apiVersion/kind/metadata.name: {obj.ToJsonString()[..Math.Min(120, obj.ToJsonString().Length)]}");
                continue;
            }

            var ns = Rendered.Namespace(obj);
            if (ClusterScopedKinds.Contains(kind) != (ns is null))
                problems.Add($"{kind}/{name}: {(ns is null ? "namespaced kind without a namespace" : "cluster-scoped kind with a namespace")}");
            if (obj["metadata"]!["labels"]?["app.kubernetes.io/part-of"]?.GetValue<string>() != "ecs-operator")
                problems.Add($"{kind}/{name}: no app.kubernetes.io/part-of label");
        }

        problems.AddRange(objects.GroupBy(o => $"{o["kind"]}/{Rendered.Namespace(o)}/{Rendered.Name(o)}").Where(g => g.Count() > 1).Select(g => $"duplicate {g.Key}"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(DeployDirectories.All), MemberType = typeof(DeployDirectories))]
    public void Every_namespaced_object_lives_in_a_namespace_the_kustomization_creates_or_documents(string directory)
    {
        var objects = KustomizeRenderer.Render(Path.Combine(RepoPaths.Root, directory));
        var created = objects.Where(o => o["kind"]!.GetValue<string>() == "Namespace").Select(Rendered.Name).ToHashSet();
        // The single-namespace overlay's watched namespace is the user's own (its kustomization says it must exist).
        var watched = new Rendered(objects).Args.Select(a => a.StartsWith("--namespace=", StringComparison.Ordinal) ? a["--namespace=".Length..] : null).OfType<string>();
        created.UnionWith(watched);
        var strays = objects.Select(Rendered.Namespace).OfType<string>().Where(ns => !created.Contains(ns)).Distinct().ToList();
        Assert.True(strays.Count == 0, $"objects in namespaces nobody creates or watches: {string.Join(", ", strays)}");
    }

    [Theory]
    [MemberData(nameof(DeployDirectories.All), MemberType = typeof(DeployDirectories))]
    public async Task Kubectl_kustomize_renders_the_same_objects_as_the_test_renderer(string directory)
    {
        Assert.SkipUnless(ProcessRunner.IsOnPath("kubectl"), "kubectl is not installed: the built-in renderer is the check here");
        var result = await ProcessRunner.TryRunAsync("kubectl", ["kustomize", directory], TimeSpan.FromSeconds(60));
        Assert.NotNull(result);
        Assert.True(result.ExitCode == 0, $"kubectl kustomize {directory} failed:\n{result.StandardError}");

        var key = (JsonNode o) => $"{o["kind"]}/{Rendered.Namespace(o)}/{Rendered.Name(o)}";
        var real = YamlToJson.ParseDocuments(result.StandardOutput).Select(o => o!.AsObject()).ToDictionary(key);
        var ours = KustomizeRenderer.Render(Path.Combine(RepoPaths.Root, directory)).ToDictionary(key);
        Assert.Equal(real.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, obj) in ours)
            Assert.True(JsonNode.DeepEquals(real[name], obj), $"{name} differs:\nkubectl: {real[name]!.ToJsonString()}\nours:    {obj.ToJsonString()}");
    }

    [Fact]
    public void Crds_kustomization_lists_every_generated_crd_file()
    {
        var listed = KustomizeRenderer.Load(RepoPaths.Crds)["resources"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(RepoPaths.Crds, "*.yaml").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal);
        Assert.Equal(files, listed);
    }

    [Fact]
    public void The_default_install_and_the_overlay_ship_every_crd()
    {
        foreach (var rendered in new[] { DeployDirectories.RenderedDefault, DeployDirectories.RenderedSingleNamespace })
        {
            var crds = rendered.OfKind("CustomResourceDefinition").Select(Rendered.Name).Order(StringComparer.Ordinal);
            Assert.Equal(Api.Kinds.Crds.Select(k => $"{k.Plural}.{k.Group}").Order(StringComparer.Ordinal), crds);
        }
    }

    [Fact]
    public void The_renderer_refuses_kustomize_features_it_does_not_implement()
    {
        var dir = Directory.CreateTempSubdirectory("kustomize-subset-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "kustomization.yaml"), "resources: []\nnamespace: elsewhere\n");
            var error = Assert.Throws<NotSupportedException>(() => KustomizeRenderer.Render(dir.FullName));
            Assert.Contains("namespace", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
