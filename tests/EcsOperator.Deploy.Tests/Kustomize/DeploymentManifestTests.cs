using EcsOperator.Deploy.Tests.Support;

namespace EcsOperator.Deploy.Tests.Kustomize;

/// <summary>The operator's Deployment and its neighbours, as rendered from deploy/.</summary>
public sealed class DeploymentManifestTests
{
    private static Rendered Default => DeployDirectories.RenderedDefault;

    [Fact]
    public void Two_replicas_run_the_operator_with_leader_election()
    {
        Assert.Equal(2, Default.Deployment["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal(HostContract.RunArguments, Default.Args);
        Assert.StartsWith("registry.example.com/ecs-operator:", Default.Container["image"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pod_meets_the_restricted_pod_security_standard()
    {
        var pod = Default.PodSpec["securityContext"]!;
        Assert.True(pod["runAsNonRoot"]!.GetValue<bool>());
        Assert.Equal(HostContract.RunAsUser, pod["runAsUser"]!.GetValue<long>());
        Assert.Equal("RuntimeDefault", pod["seccompProfile"]!["type"]!.GetValue<string>());

        var container = Default.Container["securityContext"]!;
        Assert.False(container["allowPrivilegeEscalation"]!.GetValue<bool>());
        Assert.True(container["readOnlyRootFilesystem"]!.GetValue<bool>());
        Assert.True(container["runAsNonRoot"]!.GetValue<bool>());
        Assert.Equal(HostContract.RunAsUser, container["runAsUser"]!.GetValue<long>());
        Assert.Equal(["ALL"], container["capabilities"]!["drop"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Null(container["capabilities"]!["add"]);
        Assert.Equal("RuntimeDefault", container["seccompProfile"]!["type"]!.GetValue<string>());
        Assert.Null(Default.PodSpec["hostNetwork"]);
        Assert.Null(Default.PodSpec["hostPID"]);

        var ns = Default.Single("Namespace", Rendered.Namespace(Default.Deployment));
        Assert.Equal("restricted", ns["metadata"]!["labels"]!["pod-security.kubernetes.io/enforce"]!.GetValue<string>());
    }

    [Fact]
    public void Only_tmp_is_writable_and_it_is_an_empty_dir()
    {
        var mounts = Default.Container["volumeMounts"]!.AsArray();
        var mount = Assert.Single(mounts)!;
        Assert.Equal("/tmp", mount["mountPath"]!.GetValue<string>());
        var volume = Default.PodSpec["volumes"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == mount["name"]!.GetValue<string>())!;
        Assert.NotNull(volume["emptyDir"]);
    }

    [Fact]
    public void Probes_ask_the_health_endpoint_of_the_host()
    {
        var port = Default.Container["ports"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == HostContract.HealthPortName)!;
        Assert.Equal(HostContract.HealthPort, port["containerPort"]!.GetValue<long>());
        Assert.Contains(HostContract.HealthPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Default.Args);

        var liveness = Default.Container["livenessProbe"]!["httpGet"]!;
        Assert.Equal(HostContract.LivenessPath, liveness["path"]!.GetValue<string>());
        Assert.Equal(HostContract.HealthPortName, liveness["port"]!.GetValue<string>());
        var readiness = Default.Container["readinessProbe"]!["httpGet"]!;
        Assert.Equal(HostContract.ReadinessPath, readiness["path"]!.GetValue<string>());
        Assert.Equal(HostContract.HealthPortName, readiness["port"]!.GetValue<string>());
    }

    [Fact]
    public void Requests_and_a_memory_limit_are_set()
    {
        var resources = Default.Container["resources"]!;
        Assert.Equal("50m", resources["requests"]!["cpu"]!.GetValue<string>());
        Assert.Equal("128Mi", resources["requests"]!["memory"]!.GetValue<string>());
        Assert.Equal("256Mi", resources["limits"]!["memory"]!.GetValue<string>());
    }

    [Fact]
    public void The_pod_knows_its_namespace_and_region()
    {
        var env = Default.Container["env"]!.AsArray().ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!);
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"]["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>());
        Assert.Equal("metadata.name", env["POD_NAME"]["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(env["AWS_REGION"]["value"]?.GetValue<string>()));
    }

    [Fact]
    public void Replicas_spread_over_nodes_and_zones()
    {
        var podLabels = Default.Deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        var constraints = Default.PodSpec["topologySpreadConstraints"]!.AsArray();
        Assert.Equal(["kubernetes.io/hostname", "topology.kubernetes.io/zone"],
            constraints.Select(c => c!["topologyKey"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        foreach (var constraint in constraints)
            AssertSelects(constraint!["labelSelector"]!["matchLabels"]!.AsObject(), podLabels);
    }

    [Fact]
    public void The_disruption_budget_keeps_one_replica_of_these_pods()
    {
        var podLabels = Default.Deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        var pdb = Default.Single("PodDisruptionBudget");
        Assert.Equal(1, pdb["spec"]!["minAvailable"]!.GetValue<long>());
        Assert.Equal(Rendered.Namespace(Default.Deployment), Rendered.Namespace(pdb));
        AssertSelects(pdb["spec"]!["selector"]!["matchLabels"]!.AsObject(), podLabels);
        AssertSelects(Default.Deployment["spec"]!["selector"]!["matchLabels"]!.AsObject(), podLabels);
    }

    [Fact]
    public void The_metrics_service_reaches_the_metrics_port_of_these_pods()
    {
        var podLabels = Default.Deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        var service = Default.Single("Service");
        Assert.Equal(Rendered.Namespace(Default.Deployment), Rendered.Namespace(service));
        AssertSelects(service["spec"]!["selector"]!.AsObject(), podLabels);
        var port = service["spec"]!["ports"]!.AsArray().Single()!;
        Assert.Equal(HostContract.MetricsPortName, port["name"]!.GetValue<string>());
        Assert.Equal(HostContract.MetricsPort, port["port"]!.GetValue<long>());
        Assert.Equal(HostContract.MetricsPortName, port["targetPort"]!.GetValue<string>());
        var container = Default.Container["ports"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == HostContract.MetricsPortName)!;
        Assert.Equal(HostContract.MetricsPort, container["containerPort"]!.GetValue<long>());
        Assert.Contains(HostContract.MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Default.Args);
    }

    [Fact]
    public void The_pod_runs_as_the_service_account_that_carries_the_aws_role()
    {
        var account = Default.Single("ServiceAccount", Default.PodSpec["serviceAccountName"]!.GetValue<string>());
        Assert.Equal(Rendered.Namespace(Default.Deployment), Rendered.Namespace(account));
        Assert.Matches("^arn:aws:iam::[0-9]{12}:role/.+$", account["metadata"]!["annotations"]!["eks.amazonaws.com/role-arn"]!.GetValue<string>());
    }

    private static void AssertSelects(JsonObject selector, JsonObject labels)
    {
        Assert.NotEmpty(selector);
        foreach (var (key, value) in selector)
            Assert.True(labels[key]?.GetValue<string>() == value!.GetValue<string>(), $"selector {key}={value} does not match the pod labels {labels.ToJsonString()}");
    }
}
