using System.Text;
using System.Text.Json.Nodes;
using EcsOperator.KubeApiServer;

namespace EcsOperator.Playground;

/// <summary>
/// The kubectl commands printed at start: apply the example service, watch it roll out, ship a new image, ship a
/// broken one and watch the circuit breaker roll back, delete. Names and the image come from the example files, so
/// the commands stay right when the examples change.
/// </summary>
public static class Walkthrough
{
    public const string ClusterExample = "cluster-fargate-spot.yaml";

    public const string ServiceExample = "fargate-web-service.yaml";

    /// <summary>The text to print: one command per line, each after a <c>#</c> line saying what it shows.</summary>
    /// <param name="kubeconfig">The kubeconfig the playground wrote.</param>
    /// <param name="examples">Directory holding the two example files, as it should be shown (relative or absolute).</param>
    /// <param name="examplesOnDisk">The same directory, readable from here.</param>
    public static string Commands(string kubeconfig, string examples, string examplesOnDisk)
    {
        var service = File.ReadAllText(Path.Combine(examplesOnDisk, ServiceExample));
        var documents = YamlToJson.ParseDocuments(service).OfType<JsonObject>().ToList();
        var taskDefinition = documents.Single(d => (string?)d["kind"] == "EcsTaskDefinition");
        var ecsService = documents.Single(d => (string?)d["kind"] == "EcsService");
        var ns = (string)ecsService["metadata"]!["namespace"]!;
        var serviceName = (string)ecsService["metadata"]!["name"]!;
        var taskDefinitionName = (string)taskDefinition["metadata"]!["name"]!;
        var image = (string)taskDefinition["spec"]!["containerDefinitions"]![0]!["image"]!;
        var repository = image[..image.LastIndexOf(':')];
        var clusterFile = $"{examples}/{ClusterExample}";
        var serviceFile = $"{examples}/{ServiceExample}";

        var text = new StringBuilder();
        void Step(string why, params string[] commands)
        {
            text.Append("# ").AppendLine(why);
            foreach (var command in commands)
                text.AppendLine(command);
            text.AppendLine();
        }

        Step("Point kubectl at the playground (this shell only):", $"export KUBECONFIG={kubeconfig}");
        Step($"Apply the example: an EcsCluster, an EcsTaskDefinition and an EcsService ({serviceName}, Fargate; namespace {ns} is created on first use):",
            $"kubectl apply -f {clusterFile} -f {serviceFile}");
        Step("Watch the service roll out until ROLLOUT is COMPLETED and READY True (Ctrl-C ends a watch; kubectl watches one kind at a time), then see all three:",
            $"kubectl get ecsservice {serviceName} -n {ns} -w",
            $"kubectl get ecs -n {ns}");
        Step($"Ship a new image ('kubectl edit ecstaskdefinition {taskDefinitionName} -n {ns}' works too): revision 2 is registered and the service rolls to it:",
            Patch(taskDefinitionName, ns, $"{repository}:1.43.0"),
            $"kubectl get ecsservice {serviceName} -n {ns} -w");
        Step($"Break it: an image tagged :{PlaygroundImages.CrashingTag} exits on start; after 3 failed tasks the circuit breaker rolls back to revision 2 (ROLLOUT FAILED, Ready False, reason RolloutFailed):",
            Patch(taskDefinitionName, ns, $"{repository}:{PlaygroundImages.CrashingTag}"),
            $"kubectl get ecsservice {serviceName} -n {ns} -w",
            $"kubectl describe ecsservice {serviceName} -n {ns}");
        Step("Delete: the operator scales the service to 0, drains and deletes it, and deregisters the task definition (the cluster is kept: deletionPolicy Retain):",
            $"kubectl delete -f {serviceFile} -f {clusterFile}");
        return text.ToString();
    }

    private static string Patch(string taskDefinition, string ns, string image) =>
        $$"""kubectl patch ecstaskdefinition {{taskDefinition}} -n {{ns}} --type json -p '[{"op":"replace","path":"/spec/containerDefinitions/0/image","value":"{{image}}"}]'""";
}
