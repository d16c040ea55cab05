using EcsOperator.KubeApiServer;

namespace EcsOperator.Deploy.Tests.Kustomize;

/// <summary>
/// The subset of kustomize that deploy/ uses, so the manifests are checked on every machine (kubectl is optional):
/// <c>resources</c> (files, and directories with their own kustomization), <c>labels</c> (metadata only),
/// <c>images</c>, inline JSON 6902 <c>patches</c> with a kind/name target, and <c>components</c> that only add
/// resources. Any other field fails loudly instead of
/// rendering something kustomize would not.
/// </summary>
public static class KustomizeRenderer
{
    private static readonly string[] KustomizationFileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    private static readonly HashSet<string> SupportedFields = ["apiVersion", "kind", "resources", "components", "labels", "images", "patches"];

    /// <summary>The objects <c>kubectl kustomize <paramref name="directory"/></c> would print, in resource order.</summary>
    public static IReadOnlyList<JsonObject> Render(string directory)
    {
        var kustomization = Load(directory);
        var objects = new List<JsonObject>();
        foreach (var entry in kustomization["resources"]?.AsArray() ?? [])
        {
            var path = Path.GetFullPath(Path.Combine(directory, entry!.GetValue<string>()));
            if (Directory.Exists(path))
            {
                objects.AddRange(Render(path));
            }
            else if (File.Exists(path))
            {
                if (!IsWithin(path, directory))
                    throw new InvalidOperationException($"{directory}: kustomize refuses file {entry} outside the kustomization root; include its directory instead");
                objects.AddRange(YamlToJson.ParseDocuments(File.ReadAllText(path)).Select(d => d as JsonObject
                    ?? throw new InvalidOperationException($"{path}: every document must be an object")));
            }
            else
            {
                throw new FileNotFoundException($"{directory}: resource {entry} does not exist", path);
            }
        }

        foreach (var entry in kustomization["components"]?.AsArray() ?? [])
            objects.AddRange(RenderComponent(Path.GetFullPath(Path.Combine(directory, entry!.GetValue<string>()))));

        foreach (var image in kustomization["images"]?.AsArray() ?? [])
            SetImage(objects, image!.AsObject());
        foreach (var labels in kustomization["labels"]?.AsArray() ?? [])
            AddLabels(objects, labels!.AsObject());
        foreach (var patch in kustomization["patches"]?.AsArray() ?? [])
            ApplyPatch(directory, objects, patch!.AsObject());
        return objects;
    }

    /// <summary>The resources a kustomize Component adds (a component that patches its parent is not implemented).</summary>
    private static IReadOnlyList<JsonObject> RenderComponent(string directory)
    {
        var component = Load(directory);
        if (component["kind"]?.GetValue<string>() != "Component")
            throw new InvalidOperationException($"{directory}: listed under components but its kind is not Component");
        if (component.Any(p => p.Key is not ("apiVersion" or "kind" or "resources")))
            throw new NotSupportedException($"{directory}: components with more than resources are not implemented by the test renderer");
        return Render(directory);
    }

    /// <summary>The kustomization file of <paramref name="directory"/>, parsed.</summary>
    public static JsonObject Load(string directory)
    {
        var file = KustomizationFileNames.Select(name => Path.Combine(directory, name)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{directory} has no kustomization file");
        var kustomization = YamlToJson.ParseDocuments(File.ReadAllText(file)).Single()!.AsObject();
        var unsupported = kustomization.Select(p => p.Key).Where(k => !SupportedFields.Contains(k)).ToList();
        if (unsupported.Count > 0)
            throw new NotSupportedException($"{file}: {string.Join(", ", unsupported)} not implemented by the test renderer: extend {nameof(KustomizeRenderer)}");
        return kustomization;
    }

    private static bool IsWithin(string path, string directory) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(directory).TrimEnd('/') + "/", StringComparison.Ordinal);

    private static void SetImage(List<JsonObject> objects, JsonObject image)
    {
        var name = image["name"]!.GetValue<string>();
        foreach (var container in objects.SelectMany(Containers))
        {
            var current = container["image"]?.GetValue<string>();
            if (current is null)
                continue;
            var (repository, tag) = SplitImage(current);
            if (repository != name)
                continue;
            var newName = image["newName"]?.GetValue<string>() ?? repository;
            var newTag = image["newTag"]?.GetValue<string>() ?? tag;
            container["image"] = newTag is null ? newName : $"{newName}:{newTag}";
        }
    }

    private static (string Repository, string? Tag) SplitImage(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? (image[..colon], image[(colon + 1)..]) : (image, null);
    }

    private static IEnumerable<JsonObject> Containers(JsonObject obj)
    {
        var pod = obj["spec"]?["template"]?["spec"];
        foreach (var list in new[] { "initContainers", "containers" })
        {
            foreach (var container in pod?[list]?.AsArray() ?? [])
                yield return container!.AsObject();
        }
    }

    private static void AddLabels(List<JsonObject> objects, JsonObject labels)
    {
        if (labels["includeSelectors"]?.GetValue<bool>() == true || labels["includeTemplates"]?.GetValue<bool>() == true)
            throw new NotSupportedException("labels with includeSelectors/includeTemplates are not implemented by the test renderer");
        foreach (var obj in objects)
        {
            var metadata = obj["metadata"]!.AsObject();
            var target = metadata["labels"]?.AsObject() ?? (JsonObject)(metadata["labels"] = new JsonObject());
            foreach (var (key, value) in labels["pairs"]!.AsObject())
                target[key] = value!.DeepClone();
        }
    }

    private static void ApplyPatch(string directory, List<JsonObject> objects, JsonObject patch)
    {
        var target = patch["target"]?.AsObject()
            ?? throw new NotSupportedException($"{directory}: patches without a target are not implemented by the test renderer");
        var text = patch["patch"]?.GetValue<string>()
            ?? throw new NotSupportedException($"{directory}: patches from files are not implemented by the test renderer");
        var operations = YamlToJson.ParseDocuments(text).Single() as JsonArray
            ?? throw new NotSupportedException($"{directory}: only JSON 6902 patches (a list of operations) are implemented by the test renderer");
        var matched = 0;
        for (var i = 0; i < objects.Count; i++)
        {
            if (!Matches(objects[i], target))
                continue;
            objects[i] = JsonPatch.Apply(objects[i], operations)!.AsObject();
            matched++;
        }

        if (matched == 0)
            throw new InvalidOperationException($"{directory}: patch target {target.ToJsonString()} matches no resource");
    }

    private static bool Matches(JsonObject obj, JsonObject target)
    {
        var apiVersion = obj["apiVersion"]!.GetValue<string>();
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        bool Is(string field, string? actual) => target[field] is not { } wanted || wanted.GetValue<string>() == actual;
        return Is("group", group) && Is("version", version) && Is("kind", obj["kind"]?.GetValue<string>())
            && Is("name", obj["metadata"]?["name"]?.GetValue<string>()) && Is("namespace", obj["metadata"]?["namespace"]?.GetValue<string>());
    }
}
