using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Cli;
using EcsOperator.Core.Validation;
using EcsOperator.Deploy.Tests.Kustomize;
using EcsOperator.Deploy.Tests.Support;
using Microsoft.Extensions.Configuration;
using KubeApi = EcsOperator.KubeApiServer;

namespace EcsOperator.Deploy.Tests.Docs;

/// <summary>
/// Checks what a README command would do, without a cluster or an AWS account: the files it applies exist and are
/// valid objects of our kinds (CRD schema, strict typed reading, the operator's own validation), the kustomizations
/// render, the conditions it waits for are ones the operator sets, the operator command lines parse with the real
/// CLI (<c>crds</c>, <c>version</c> and <c>--help</c> run for real), and so on. A command it does not recognise is a
/// problem: the README then has to say why it is not run (<c># not run by tests: ...</c>).
/// </summary>
public sealed partial class ReadmeCommandChecker
{
    private const string OperatorProject = "src/EcsOperator";
    private const string SimulatorProject = "src/EcsOperator.EcsSimulator";
    private const string PlaygroundProject = "src/EcsOperator.Playground";

    private static readonly JsonSerializerOptions Strict = new(ApiJsonContext.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly HashSet<string> CoreKindsToApply = ["Namespace", "ConfigMap", "Secret", "ServiceAccount"];

    private static readonly HashSet<string> CoreResourcesToRead =
        ["events", "event", "ev", "pods", "pod", "po", "namespaces", "namespace", "ns", "deployments", "deployment", "deploy", "services", "service", "svc", "leases", "lease"];

    private static readonly HashSet<string> KubectlValueFlags =
        ["-n", "--namespace", "-f", "--filename", "-k", "--kustomize", "-o", "--output", "--type", "-p", "--patch", "--patch-file", "--timeout", "--for", "--field-selector", "-l", "--selector",
         "--clusterrole", "--group", "--user", "--serviceaccount"];

    private static readonly HashSet<string> KubectlBooleanFlags = ["-A", "--all-namespaces"];

    private static readonly HashSet<string> HealthPaths = [HostContract.LivenessPath, "/livez", HostContract.ReadinessPath, HostContract.MetricsPath];

    private readonly List<(JsonObject Object, string Namespace)> _applied = [];
    private readonly HashSet<int> _forwardedPorts = [];

    /// <param name="commands">All commands of the README: what they apply and port-forward is what later ones may use.</param>
    public ReadmeCommandChecker(IEnumerable<ReadmeCommand> commands)
    {
        foreach (var command in commands)
        {
            IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> steps;
            try
            {
                steps = ShellWords.Parse(command.Text);
            }
            catch (FormatException)
            {
                continue; // reported when the command itself is checked
            }

            foreach (var words in steps.SelectMany(s => s).Select(WithoutAssignments))
            {
                if (words is not ["kubectl", ..])
                    continue;
                var args = KubectlArgs.Parse(words.Skip(1).ToList(), out _);
                if (args is null)
                    continue;
                if (args.Positional is ["apply", ..])
                {
                    foreach (var file in args.Values("-f").Where(f => f != "-"))
                    {
                        foreach (var document in SafeDocuments(Path.Combine(RepoPaths.Root, file)))
                            _applied.Add((document, Namespace(document) ?? args.Namespace ?? "default"));
                    }
                }
                else if (args.Positional is ["port-forward", _, var ports] && int.TryParse(ports.Split(':')[0], CultureInfo.InvariantCulture, out var local))
                {
                    _forwardedPorts.Add(local);
                }
            }
        }
    }

    /// <summary>The problems of <paramref name="command"/>; empty when it is recognised and checks out.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(string command)
    {
        var problems = new List<string>();
        IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> steps;
        try
        {
            steps = ShellWords.Parse(command);
        }
        catch (FormatException e)
        {
            return [e.Message];
        }

        var directory = RepoPaths.Root;
        foreach (var pipeline in steps)
        {
            string? piped = null;
            for (var i = 0; i < pipeline.Count; i++)
            {
                var words = WithoutAssignments(pipeline[i]);
                var context = new StepContext(directory, i > 0, piped);
                var result = await CheckStepAsync(words, context, problems);
                piped = result.Stdout;
                directory = result.Directory ?? directory;
            }
        }

        return problems;
    }

    private sealed record StepContext(string Directory, bool ReadsPipe, string? Piped);

    private sealed record StepResult(string? Stdout = null, string? Directory = null);

    private async Task<StepResult> CheckStepAsync(string[] words, StepContext context, List<string> problems)
    {
        switch (words)
        {
            case ["cd", var dir]:
                var target = Path.GetFullPath(Path.Combine(context.Directory, dir));
                if (!Directory.Exists(target))
                    problems.Add($"cd {dir}: no such directory");
                return new StepResult(Directory: target);
            case ["kubectl", .. var rest]:
                CheckKubectl(rest, context, problems);
                return new StepResult();
            case ["kustomize", "edit", "set", "image", var image]:
                CheckKustomizeSetImage(context.Directory, image, problems);
                return new StepResult();
            case ["dotnet", "run", "--project", var project, .. var rest]:
                return await CheckDotnetRunAsync(project, rest, problems);
            case ["ecs-operator", .. var args]:
                return new StepResult(await CheckOperatorCliAsync(args, problems));
            case ["curl", .. var args]:
                CheckCurl(args, problems);
                return new StepResult();
            case [var script] when script.StartsWith("./", StringComparison.Ordinal):
                var path = Path.Combine(context.Directory, script);
                if (!File.Exists(path))
                    problems.Add($"{script} does not exist");
                else if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) == 0)
                    problems.Add($"{script} is not executable (git update-index --chmod=+x)");
                return new StepResult();
            default:
                problems.Add($"not recognised by the README command checker: '{string.Join(' ', words)}'; teach {nameof(ReadmeCommandChecker)} to check it, or end its line with '# not run by tests: <why>'");
                return new StepResult();
        }
    }

    private void CheckKubectl(IReadOnlyList<string> words, StepContext context, List<string> problems)
    {
        var args = KubectlArgs.Parse(words, out var error);
        if (args is null)
        {
            problems.Add($"kubectl {string.Join(' ', words)}: {error}");
            return;
        }

        switch (args.Positional)
        {
            case ["apply" or "delete"] when args.Has("-k"):
                foreach (var dir in args.Values("-k"))
                    CheckKustomization(Path.Combine(context.Directory, dir), dir, problems);
                break;
            case ["kustomize", var dir]:
                CheckKustomization(Path.Combine(context.Directory, dir), dir, problems);
                break;
            case ["apply" or "delete"] when args.Has("-f"):
                foreach (var file in args.Values("-f"))
                {
                    if (file == "-")
                    {
                        if (!context.ReadsPipe || context.Piped is null)
                            problems.Add("kubectl apply -f - reads stdin, but nothing the checker ran is piped into it");
                        else
                            CheckDocuments("stdin", YamlToJson(context.Piped), args.Namespace, problems);
                    }
                    else
                    {
                        CheckFile(Path.Combine(context.Directory, file), file, args.Namespace, problems);
                    }
                }

                break;
            case ["wait", var resource]:
                CheckWait(args, resource, problems);
                break;
            case ["get" or "describe", var resource, .. var names]:
                CheckGet(args, resource, names, problems);
                break;
            case ["create", "namespace" or "ns", var name]:
                problems.AddRange(KubeApi.NameValidation.DnsLabelErrors(name).Select(e => $"namespace {name}: {e}"));
                break;
            case ["patch", var resource, var name]:
                CheckPatch(args, resource, name, context.Directory, problems);
                break;
            case ["create", "rolebinding" or "clusterrolebinding", var name]:
                CheckRoleBinding(args, name, namespaced: args.Positional[1] == "rolebinding", problems);
                break;
            case ["label", "namespace" or "ns", var name, .. var labels] when labels.Count > 0:
                problems.AddRange(KubeApi.NameValidation.DnsLabelErrors(name).Select(e => $"namespace {name}: {e}"));
                foreach (var label in labels)
                {
                    var parts = label.Split('=', 2);
                    if (parts.Length != 2 || !KubeApi.NameValidation.IsQualifiedNamePart(parts[0].Split('/')[^1]) || parts[1].Length > 63)
                        problems.Add($"kubectl label: '{label}' is not a key=value label");
                }

                break;
            case ["port-forward", var target, var ports]:
                CheckPortForward(args, target, ports, problems);
                break;
            case ["logs", var target]:
                CheckDeploymentTarget(args, target, problems);
                break;
            default:
                problems.Add($"kubectl {string.Join(' ', words)}: not recognised by the README command checker; teach it, or mark the line '# not run by tests: <why>'");
                break;
        }
    }

    /// <summary>A binding the README tells admins to create must name a ClusterRole the install ships, and a subject.</summary>
    private static void CheckRoleBinding(KubectlArgs args, string name, bool namespaced, List<string> problems)
    {
        problems.AddRange(KubeApi.NameValidation.DnsSubdomainErrors(name).Select(e => $"binding {name}: {e}"));
        if (namespaced && args.Namespace is null)
            problems.Add($"rolebinding {name}: give the namespace (-n); a RoleBinding in the current namespace is rarely what is meant");
        if (!args.Has("--group") && !args.Has("--user") && !args.Has("--serviceaccount"))
            problems.Add($"binding {name}: names no subject (--group, --user or --serviceaccount)");
        if (args.Value("--clusterrole") is not { } role)
        {
            problems.Add($"binding {name}: names no --clusterrole");
            return;
        }

        var shipped = DeployDirectories.RenderedDefault.OfKind("ClusterRole")
            .Select(o => o["metadata"]?["name"]?.GetValue<string>())
            .OfType<string>()
            .ToList();
        if (!shipped.Contains(role))
            problems.Add($"binding {name}: ClusterRole {role} is not in the install (kubectl apply -k deploy/ ships {string.Join(", ", shipped.Order(StringComparer.Ordinal))})");
    }

    private static void CheckKustomization(string path, string shown, List<string> problems)
    {
        try
        {
            var objects = KustomizeRenderer.Render(path);
            if (objects.Count == 0)
                problems.Add($"kustomization {shown} renders nothing");
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or NotSupportedException or FormatException)
        {
            problems.Add($"kustomization {shown} does not render: {e.Message}");
        }
    }

    private void CheckFile(string path, string shown, string? ns, List<string> problems)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)
                || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
                problems.Add($"{shown}: no manifests in the directory");
            foreach (var file in files)
                CheckDocuments(Path.GetRelativePath(RepoPaths.Root, file), YamlToJson(File.ReadAllText(file)), ns, problems);
        }
        else if (File.Exists(path))
        {
            CheckDocuments(shown, YamlToJson(File.ReadAllText(path)), ns, problems);
        }
        else
        {
            problems.Add($"{shown} does not exist");
        }
    }

    private void CheckDocuments(string source, IReadOnlyList<JsonObject> documents, string? ns, List<string> problems)
    {
        if (documents.Count == 0)
            problems.Add($"{source}: no objects");
        foreach (var document in documents)
        {
            var kind = document["kind"]?.GetValue<string>();
            var name = document["metadata"]?["name"]?.GetValue<string>();
            var where = $"{source} {kind}/{name}";
            if (kind is null || name is null)
            {
                problems.Add($"{source}: an object without kind or metadata.name");
            }
            else if (kind == "CustomResourceDefinition")
            {
                var group = document["spec"]?["group"]?.GetValue<string>();
                var crdKind = document["spec"]?["names"]?["kind"]?.GetValue<string>();
                if (group != ApiGroup.Group || Kinds.ByKind(crdKind ?? string.Empty) is null)
                    problems.Add($"{where}: a CRD that is not one of ours ({crdKind}.{group})");
            }
            else if (Kinds.ByKind(kind) is not null)
            {
                problems.AddRange(ValidateOurs(document, Namespace(document) ?? ns ?? "default").Select(p => $"{where}: {p}"));
            }
            else if (!CoreKindsToApply.Contains(kind))
            {
                problems.Add($"{where}: neither one of our kinds nor a core kind the README may apply");
            }
        }
    }

    /// <summary>What the API server (CRD schema) and then the operator (typed reading, validation) say about an object.</summary>
    private List<string> ValidateOurs(JsonObject document, string ns)
    {
        var problems = new List<string>();
        var kind = Kinds.ByKind(document["kind"]!.GetValue<string>())!;
        if (document["apiVersion"]?.GetValue<string>() != ApiGroup.ApiVersion)
            problems.Add($"apiVersion must be {ApiGroup.ApiVersion}");
        var obj = (JsonObject)document.DeepClone();
        var pruned = new List<string>();
        var errors = KubeApi.StructuralSchema.Process(obj, CrdSchema(kind), pruned);
        problems.AddRange(errors.Select(e => $"{e.Field}: {e.Detail}"));
        problems.AddRange(pruned.Select(p => $"{p}: unknown field (the API server would drop it)"));
        if (problems.Count > 0)
            return problems;

        object typed;
        try
        {
            typed = obj.Deserialize(kind.ClrType, Strict) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            return [$"does not read as {kind.Kind}: {e.Message}"];
        }

        var name = obj["metadata"]!["name"]!.GetValue<string>();
        IReadOnlyList<FieldError> invalid = typed switch
        {
            EcsTaskDefinition td => TaskDefinitionValidator.Validate(td.Spec),
            EcsCluster cluster => ClusterValidator.Validate(cluster.Spec, name),
            EcsService service => ServiceValidator.Validate(service.Spec, name, ReferencedTaskDefinition(service.Spec.TaskDefinitionRef, ns)),
            EcsTask task => TaskValidator.Validate(task.Spec, ReferencedTaskDefinition(task.Spec.TaskDefinitionRef, ns)),
            _ => [],
        };
        problems.AddRange(invalid.Select(e => $"the operator would stall it with InvalidSpec: {e}"));
        return problems;
    }

    private EcsTaskDefinitionSpec? ReferencedTaskDefinition(LocalObjectReference? reference, string ns)
    {
        if (reference is null)
            return null;
        var found = Applied(EcsTaskDefinition.KindName, reference.Name, ns);
        return found?.Deserialize<EcsTaskDefinition>(ApiJsonContext.Default.Options)?.Spec;
    }

    private void CheckWait(KubectlArgs args, string resource, List<string> problems)
    {
        var (kind, name) = SplitResource(resource, problems);
        if (kind is null || name is null)
            return;
        var ns = args.Namespace ?? "default";
        if (Applied(kind.Kind, name, ns) is null)
            problems.Add($"{resource} in namespace {ns} is not applied by any README command before it is waited for");
        var condition = args.Value("--for");
        if (condition is null)
        {
            problems.Add("kubectl wait without --for");
        }
        else if (condition.StartsWith("condition=", StringComparison.Ordinal))
        {
            var type = condition["condition=".Length..].Split('=')[0];
            if (!ConditionTypes.All.Contains(type))
                problems.Add($"condition {type} is not one the operator sets ({string.Join(", ", ConditionTypes.All)})");
        }
        else if (condition.StartsWith("jsonpath=", StringComparison.Ordinal))
        {
            var expression = condition["jsonpath=".Length..];
            var close = expression.LastIndexOf('}');
            if (close < 0 || close + 1 >= expression.Length || expression[close + 1] != '=')
            {
                problems.Add($"--for={condition}: expected jsonpath='{{...}}'=value");
            }
            else
            {
                var leaf = CheckJsonPath(kind, expression[..(close + 1)], problems);
                var value = expression[(close + 2)..];
                if (leaf?["enum"] is JsonArray values && !values.Any(v => v?.ToString() == value))
                    problems.Add($"{expression[..(close + 1)]} is never {value} (one of {string.Join(", ", values)})");
            }
        }
        else
        {
            problems.Add($"--for={condition}: neither condition= nor jsonpath=");
        }

        if (args.Value("--timeout") is { } timeout && !TimeoutPattern().IsMatch(timeout))
            problems.Add($"--timeout={timeout} is not a duration kubectl accepts");
    }

    private void CheckGet(KubectlArgs args, string resource, IReadOnlyList<string> names, List<string> problems)
    {
        var lowered = resource.ToLowerInvariant();
        if (lowered == ApiGroup.Category)
        {
            if (names.Count > 0)
                problems.Add($"kubectl get {resource} lists a category: it takes no names");
            return;
        }

        if (CoreResourcesToRead.Contains(lowered))
            return;
        var (kind, name) = SplitResource(names.Count == 1 ? $"{resource}/{names[0]}" : resource, problems, nameOptional: true);
        if (kind is null)
            return;
        var ns = args.Namespace ?? "default";
        if (name is not null && Applied(kind.Kind, name, ns) is null)
            problems.Add($"{kind.Kind} {name} in namespace {ns} is not applied by any README command");
        if (args.Value("-o") is { } output && output.StartsWith("jsonpath=", StringComparison.Ordinal))
            CheckJsonPath(kind, output["jsonpath=".Length..], problems);
        else if (args.Value("-o") is { } other && other is not ("yaml" or "json" or "wide" or "name"))
            problems.Add($"-o {other} is not checked by the README command checker");
    }

    private void CheckPatch(KubectlArgs args, string resource, string name, string directory, List<string> problems)
    {
        var type = args.Value("--type");
        if (type != "merge")
        {
            problems.Add($"kubectl patch --type {type ?? "(strategic, the default)"}: only --type merge is checked");
            return;
        }

        var patchText = args.Value("-p") ?? (args.Value("--patch-file") is { } file && File.Exists(Path.Combine(directory, file))
            ? File.ReadAllText(Path.Combine(directory, file))
            : null);
        if (patchText is null)
        {
            problems.Add("kubectl patch needs -p or an existing --patch-file");
            return;
        }

        var patch = YamlToJson(patchText).SingleOrDefault();
        if (patch is null)
        {
            problems.Add("the patch is not one object");
            return;
        }

        var ns = args.Namespace ?? "default";
        if (resource is "configmap" or "configmaps" or "cm")
        {
            // The Argo CD health checks: a ConfigMap patch that must name every one of our kinds.
            if (patch["kind"]?.GetValue<string>() is { } patchKind && patchKind != "ConfigMap")
                problems.Add($"the patch file is a {patchKind}, not a ConfigMap");
            if (patch["metadata"]?["name"]?.GetValue<string>() is { } patchName && patchName != name)
                problems.Add($"the patch file names ConfigMap {patchName}, the command {name}");
            if (patch["metadata"]?["namespace"]?.GetValue<string>() is { } patchNs && patchNs != ns)
                problems.Add($"the patch file is for namespace {patchNs}, the command patches {ns}");
            var data = patch["data"] as JsonObject;
            foreach (var kind in Kinds.All)
            {
                if (data?[$"resource.customizations.health.{ApiGroup.Group}_{kind.Kind}"] is null)
                    problems.Add($"the patch has no Argo CD health check for {kind.Kind}");
            }

            return;
        }

        var (ours, _) = SplitResource($"{resource}/{name}", problems);
        if (ours is null)
            return;
        var applied = Applied(ours.Kind, name, ns);
        if (applied is null)
        {
            problems.Add($"{ours.Kind} {name} in namespace {ns} is not applied by any README command, so the patch cannot be checked");
            return;
        }

        var patched = KubeApi.JsonMergePatch.Apply(applied.DeepClone(), patch) as JsonObject;
        problems.AddRange(ValidateOurs(patched!, ns).Select(p => $"{ours.Kind}/{name} after the patch: {p}"));
    }

    private void CheckPortForward(KubectlArgs args, string target, string ports, List<string> problems)
    {
        var ns = args.Namespace ?? "default";
        var parts = ports.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out _))
        {
            problems.Add($"port-forward {ports}: expected <local>:<remote>");
            return;
        }

        if (!target.StartsWith("svc/", StringComparison.Ordinal))
        {
            problems.Add($"port-forward {target}: only svc/<name> is checked");
            return;
        }

        var service = DeployDirectories.RenderedDefault.OfKind("Service")
            .FirstOrDefault(s => Rendered.Name(s) == target[4..] && Rendered.Namespace(s) == ns);
        if (service is null)
        {
            problems.Add($"deploy/ has no Service {target[4..]} in namespace {ns}");
            return;
        }

        var servicePorts = service["spec"]!["ports"]!.AsArray();
        if (!servicePorts.Any(p => p!["name"]?.GetValue<string>() == parts[1] || p!["port"]?.ToString() == parts[1]))
            problems.Add($"Service {target[4..]} has no port {parts[1]}");
    }

    private static void CheckDeploymentTarget(KubectlArgs args, string target, List<string> problems)
    {
        var ns = args.Namespace ?? "default";
        var name = target.StartsWith("deploy/", StringComparison.Ordinal) ? target[7..]
            : target.StartsWith("deployment/", StringComparison.Ordinal) ? target[11..] : null;
        if (name is null)
        {
            problems.Add($"kubectl logs {target}: only deploy/<name> is checked");
            return;
        }

        if (!DeployDirectories.RenderedDefault.OfKind("Deployment").Any(d => Rendered.Name(d) == name && Rendered.Namespace(d) == ns))
            problems.Add($"deploy/ has no Deployment {name} in namespace {ns}");
    }

    private static void CheckKustomizeSetImage(string directory, string image, List<string> problems)
    {
        var name = image.Split('=')[0];
        try
        {
            // kustomize matches the image name the resources use, which the kustomization's images entry (if any) names.
            var images = (KustomizeRenderer.Load(directory)["images"]?.AsArray() ?? [])
                .Select(i => i?["name"]?.GetValue<string>())
                .OfType<string>()
                .ToList();
            var rendered = KustomizeRenderer.Render(directory)
                .SelectMany(o => o["spec"]?["template"]?["spec"]?["containers"]?.AsArray() ?? [])
                .Select(c => c?["image"]?.GetValue<string>())
                .OfType<string>();
            images.AddRange(rendered.Select(i => i.Split('@')[0]).Select(i => i.LastIndexOf(':') > i.LastIndexOf('/') ? i[..i.LastIndexOf(':')] : i));
            if (!image.Contains('=', StringComparison.Ordinal) || !images.Contains(name))
                problems.Add($"kustomize edit set image {image}: no container image named {name} in {Path.GetRelativePath(RepoPaths.Root, directory)} ({string.Join(", ", images)})");
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or NotSupportedException)
        {
            problems.Add($"kustomize edit set image: {Path.GetRelativePath(RepoPaths.Root, directory)} is not a kustomization: {e.Message}");
        }
    }

    private async Task<StepResult> CheckDotnetRunAsync(string project, string[] rest, List<string> problems)
    {
        var directory = Path.Combine(RepoPaths.Root, project);
        if (!Directory.Exists(directory) || !Directory.EnumerateFiles(directory, "*.csproj").Any())
        {
            problems.Add($"dotnet run --project {project}: no project there");
            return new StepResult();
        }

        string[]? args = rest switch
        {
            [] => [],
            ["--", .. var after] => after,
            _ => null,
        };
        if (args is null)
        {
            problems.Add($"dotnet run --project {project} {string.Join(' ', rest)}: program arguments must follow '--'");
            return new StepResult();
        }

        switch (project.TrimEnd('/'))
        {
            case OperatorProject:
                return new StepResult(await CheckOperatorCliAsync(args, problems));
            case SimulatorProject:
                CheckSimulatorArgs(args, problems);
                return new StepResult();
            case PlaygroundProject:
                CheckPlaygroundArgs(args, problems);
                return new StepResult();
            default:
                problems.Add($"dotnet run --project {project}: the checker knows only {OperatorProject}, {SimulatorProject} and {PlaygroundProject}");
                return new StepResult();
        }
    }

    /// <summary>
    /// The operator's command line: <c>crds</c>, <c>version</c> and <c>--help</c> run for real; <c>run</c> (the default)
    /// is parsed by the real options and resolved to settings, which is everything up to connecting to a cluster.
    /// </summary>
    private static async Task<string?> CheckOperatorCliAsync(string[] args, List<string> problems)
    {
        var shown = $"ecs-operator {string.Join(' ', args)}";
        if (args is ["playground", .. var playgroundArgs])
        {
            // Started for real, with the commands it prints, by ReadmeCommandPlaygroundTests; here its options parse.
            CheckPlaygroundArgs(playgroundArgs, problems);
            return null;
        }

        if (args is ["crds", ..] or ["version"] || args.Contains("--help") || args.Contains("-h"))
        {
            if (args is ["crds", .. var crdArgs] && crdArgs.Length > 0)
            {
                problems.Add($"{shown}: 'crds' with options would write files; the checker only runs plain 'crds'");
                return null;
            }

            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = await OperatorCli.InvokeAsync(args, stdout, stderr);
            if (code != 0)
            {
                problems.Add($"{shown} exits {code}: {stderr}");
                return null;
            }

            var output = stdout.ToString();
            if (args is ["crds"])
            {
                var crds = YamlToJson(output);
                var kinds = crds.Where(c => c["kind"]?.GetValue<string>() == "CustomResourceDefinition" && c["spec"]?["group"]?.GetValue<string>() == ApiGroup.Group)
                    .Select(c => c["spec"]!["names"]!["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal);
                if (!kinds.SequenceEqual(Kinds.Crds.Select(k => k.Kind).Order(StringComparer.Ordinal)) || crds.Count != Kinds.Crds.Count)
                    problems.Add($"{shown} does not print exactly the CRDs of our {Kinds.Crds.Count} kinds");
            }
            else if (args is ["version"] && !output.StartsWith("ecs-operator ", StringComparison.Ordinal))
            {
                problems.Add($"{shown} printed '{output.Trim()}'");
            }

            return output;
        }

        var runArgs = args is ["run", .. var after] ? after : args;
        var options = new RunOptions();
        var command = new Command("run");
        foreach (var option in options.All)
            command.Options.Add(option);
        var parsed = command.Parse(runArgs);
        if (parsed.Errors.Count > 0)
        {
            problems.AddRange(parsed.Errors.Select(e => $"{shown}: {e.Message}"));
            return null;
        }

        try
        {
            RunSettings.Resolve(options.Values(parsed), _ => null, new ConfigurationBuilder().Build());
        }
        catch (OptionException e)
        {
            problems.Add($"{shown}: {e.Message}");
        }

        return null;
    }

    /// <summary>The playground's options, parsed by the playground's own parser.</summary>
    private static void CheckPlaygroundArgs(string[] args, List<string> problems)
    {
        if (args is ["--help" or "-h"])
            return;
        try
        {
            _ = Playground.PlaygroundCli.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            problems.Add($"ecs-operator-playground {string.Join(' ', args)}: {e.Message}");
        }
    }

    /// <summary>The simulator's flags, as its Program.cs reads them (it has no library to parse with).</summary>
    private static void CheckSimulatorArgs(string[] args, List<string> problems)
    {
        var program = File.ReadAllText(Path.Combine(RepoPaths.Root, SimulatorProject, "Program.cs"));
        for (var i = 0; i < args.Length; i++)
        {
            if (!program.Contains($"case \"{args[i]}\"", StringComparison.Ordinal))
            {
                problems.Add($"the simulator does not read {args[i]}");
                continue;
            }

            if (args[i] is "--help" or "-h")
                continue;
            if (i + 1 >= args.Length)
                problems.Add($"{args[i]} needs a value");
            else if (args[i] is "--port" or "--tick-ms" or "--task-start-ticks" && !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out _))
                problems.Add($"{args[i]} {args[i + 1]}: not a number");
            i++;
        }
    }

    private void CheckCurl(IReadOnlyList<string> args, List<string> problems)
    {
        // Header values (-H "Authorization: Bearer ...") are not URLs.
        var urls = args.Where((a, i) => !a.StartsWith('-') && (i == 0 || args[i - 1] is not ("-H" or "--header"))).ToList();
        if (urls.Count != 1 || !Uri.TryCreate(urls[0], UriKind.Absolute, out var url))
        {
            problems.Add($"curl {string.Join(' ', args)}: expected one absolute URL");
            return;
        }

        if (url.Host is not ("127.0.0.1" or "localhost") || !HealthPaths.Contains(url.AbsolutePath))
        {
            problems.Add($"curl {url}: only the operator's health / metrics endpoints on a forwarded local port are checked");
            return;
        }

        var port = url.AbsolutePath == HostContract.MetricsPath ? HostContract.MetricsPort : HostContract.HealthPort;
        if (url.Port != port)
            problems.Add($"curl {url}: the operator serves {url.AbsolutePath} on port {port}");
        if (!_forwardedPorts.Contains(url.Port))
            problems.Add($"curl {url}: no README command port-forwards local port {url.Port}");
    }

    private (Api.KindDefinition? Kind, string? Name) SplitResource(string resource, List<string> problems, bool nameOptional = false)
    {
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        var type = slash < 0 ? resource : resource[..slash];
        var name = slash < 0 ? null : resource[(slash + 1)..];
        var kind = Kinds.Crds.FirstOrDefault(k => Names(k).Contains(type.ToLowerInvariant()));
        if (kind is null)
            problems.Add($"{type} is not one of our kinds ({string.Join(", ", Kinds.Crds.SelectMany(Names))})");
        if (name is null && !nameOptional)
            problems.Add($"{resource}: expected <kind>/<name>");
        return (kind, name);
    }

    private static IEnumerable<string> Names(Api.KindDefinition kind) =>
        [kind.Plural, kind.Singular, kind.Kind.ToLowerInvariant(), $"{kind.Plural}.{kind.Group}", .. kind.ShortNames];

    /// <summary>Checks a <c>{.a.b[*].c}</c> JSONPath against the kind's CRD schema; returns the schema it ends at.</summary>
    private static JsonObject? CheckJsonPath(Api.KindDefinition kind, string expression, List<string> problems)
    {
        var match = JsonPathPattern().Match(expression);
        if (!match.Success)
        {
            problems.Add($"jsonpath {expression}: only {{.field.field[*].field}} is checked");
            return null;
        }

        var schema = CrdSchema(kind);
        foreach (var segment in match.Groups["path"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var field = segment.Split('[')[0];
            if (schema["type"]?.GetValue<string>() == "object" && schema["properties"] is null)
                return null; // metadata and other free-form objects: not checked further
            if (schema["properties"]?[field] is not JsonObject child)
            {
                problems.Add($"jsonpath {expression}: {kind.Kind} has no field {field}");
                return null;
            }

            schema = child;
            if (segment.Contains('[', StringComparison.Ordinal))
            {
                if (schema["items"] is not JsonObject items)
                {
                    problems.Add($"jsonpath {expression}: {field} is not a list");
                    return null;
                }

                schema = items;
            }
        }

        return schema;
    }

    private JsonObject? Applied(string kind, string name, string ns) =>
        _applied.Where(a => a.Object["kind"]?.GetValue<string>() == kind && a.Object["metadata"]?["name"]?.GetValue<string>() == name && a.Namespace == ns)
            .Select(a => a.Object)
            .FirstOrDefault();

    private static readonly Dictionary<string, JsonObject> Schemas = [];

    /// <summary>The openAPIV3Schema of the checked-in CRD a user applies (crds/).</summary>
    private static JsonObject CrdSchema(Api.KindDefinition kind)
    {
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(kind.Kind, out var schema))
            {
                var crd = YamlToJson(File.ReadAllText(Path.Combine(RepoPaths.Crds, $"{kind.Group}_{kind.Plural}.yaml"))).Single();
                schema = (JsonObject)crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;
                Schemas[kind.Kind] = schema;
            }

            return (JsonObject)schema.DeepClone();
        }
    }

    private static string[] WithoutAssignments(IReadOnlyList<string> words) =>
        words.SkipWhile(w => AssignmentPattern().IsMatch(w)).ToArray();

    private static string? Namespace(JsonObject document) => document["metadata"]?["namespace"]?.GetValue<string>();

    private static IReadOnlyList<JsonObject> YamlToJson(string yaml) =>
        KubeApi.YamlToJson.ParseDocuments(yaml).OfType<JsonObject>().ToList();

    private static IEnumerable<JsonObject> SafeDocuments(string path)
    {
        try
        {
            return File.Exists(path) ? YamlToJson(File.ReadAllText(path)) : [];
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidOperationException)
        {
            return [];
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\{(?<path>(\.[A-Za-z_][A-Za-z0-9_]*(\[(\*|\d+)\])?)+)\}$")]
    private static partial System.Text.RegularExpressions.Regex JsonPathPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial System.Text.RegularExpressions.Regex AssignmentPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+(s|m|h)$")]
    private static partial System.Text.RegularExpressions.Regex TimeoutPattern();

    /// <summary>kubectl's arguments: positional words and the values of the flags README commands use.</summary>
    private sealed class KubectlArgs
    {
        private readonly List<(string Flag, string? Value)> _flags = [];

        public List<string> Positional { get; } = [];

        public string? Namespace => Value("-n");

        public static KubectlArgs? Parse(IReadOnlyList<string> words, out string? error)
        {
            var args = new KubectlArgs();
            error = null;
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                if (!word.StartsWith('-') || word == "-")
                {
                    args.Positional.Add(word);
                    continue;
                }

                var eq = word.IndexOf('=', StringComparison.Ordinal);
                var flag = eq > 0 ? word[..eq] : word;
                if (KubectlBooleanFlags.Contains(flag))
                {
                    args._flags.Add((Canonical(flag), null));
                }
                else if (KubectlValueFlags.Contains(flag))
                {
                    var value = eq > 0 ? word[(eq + 1)..] : i + 1 < words.Count ? words[++i] : null;
                    if (value is null)
                    {
                        error = $"{flag} needs a value";
                        return null;
                    }

                    args._flags.Add((Canonical(flag), value));
                }
                else
                {
                    error = $"flag {flag} is not known to the README command checker";
                    return null;
                }
            }

            return args;
        }

        public bool Has(string flag) => _flags.Any(f => f.Flag == flag);

        public string? Value(string flag) => _flags.LastOrDefault(f => f.Flag == flag).Value;

        public IEnumerable<string> Values(string flag) => _flags.Where(f => f.Flag == flag).Select(f => f.Value!);

        private static string Canonical(string flag) => flag switch
        {
            "--namespace" => "-n",
            "--filename" => "-f",
            "--kustomize" => "-k",
            "--output" => "-o",
            "--patch" => "-p",
            "--selector" => "-l",
            "--all-namespaces" => "-A",
            _ => flag,
        };
    }
}
