namespace EcsOperator.Deploy.Tests.Kustomize;

/// <summary>
/// The operator namespace's NetworkPolicy: egress only to DNS, the API server and AWS over HTTPS (plus the EKS Pod
/// Identity agent), ingress only to the metrics port from a labelled monitoring namespace and to the probe ports.
/// </summary>
public sealed class NetworkPolicyTests
{
    private const string MonitoringLabel = "ecs.operator.dev/scrape-metrics";

    private static JsonObject PolicyOf(Rendered rendered)
    {
        var policies = rendered.OfKind("NetworkPolicy").Where(p => Rendered.Namespace(p) == Rendered.Namespace(rendered.Deployment)).ToList();
        return Assert.Single(policies);
    }

    private static IEnumerable<(string? Port, string Protocol)> Ports(JsonNode rule) =>
        rule["ports"]?.AsArray().Select(p => (p!["port"]?.ToString(), p["protocol"]?.GetValue<string>() ?? "TCP")) ?? [];

    [Theory]
    [MemberData(nameof(DeployDirectories.All), MemberType = typeof(DeployDirectories))]
    public void The_policy_selects_the_operator_pods_and_restricts_both_directions(string directory)
    {
        var rendered = directory == "deploy" ? DeployDirectories.RenderedDefault : DeployDirectories.RenderedSingleNamespace;
        var policy = PolicyOf(rendered);
        var selector = policy["spec"]!["podSelector"]!["matchLabels"]!.AsObject();
        var podLabels = rendered.Deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        Assert.NotEmpty(selector);
        Assert.All(selector, l => Assert.Equal(l.Value!.GetValue<string>(), podLabels[l.Key]?.GetValue<string>()));
        Assert.Equal(["Ingress", "Egress"], policy["spec"]!["policyTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public void Egress_is_dns_to_kube_dns_https_and_the_api_server_port_only()
    {
        var egress = PolicyOf(DeployDirectories.RenderedDefault)["spec"]!["egress"]!.AsArray().Select(r => r!).ToList();
        Assert.All(egress, rule => Assert.NotEmpty(Ports(rule)));

        var dns = Assert.Single(egress, r => Ports(r).Any(p => p.Port == "53"));
        Assert.Equal([("53", "UDP"), ("53", "TCP")], Ports(dns));
        var to = Assert.Single(dns["to"]!.AsArray())!;
        Assert.Equal("kube-system", to["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
        Assert.Equal("kube-dns", to["podSelector"]!["matchLabels"]!["k8s-app"]!.GetValue<string>());

        var allPorts = egress.SelectMany(Ports).ToHashSet();
        Assert.Contains(("443", "TCP"), allPorts);
        Assert.Contains(("6443", "TCP"), allPorts);
        Assert.Subset(new HashSet<(string?, string)> { ("53", "UDP"), ("53", "TCP"), ("443", "TCP"), ("6443", "TCP"), ("80", "TCP") }, allPorts);

        // Plain HTTP only to the EKS Pod Identity agent's link-local address, nowhere else.
        var http = Assert.Single(egress, r => Ports(r).Any(p => p.Port == "80"));
        Assert.Equal("169.254.170.23/32", Assert.Single(http["to"]!.AsArray())!["ipBlock"]!["cidr"]!.GetValue<string>());
    }

    [Fact]
    public void Ingress_reaches_the_metrics_port_only_from_a_labelled_namespace_and_covers_the_probe_ports()
    {
        var rendered = DeployDirectories.RenderedDefault;
        var ingress = PolicyOf(rendered)["spec"]!["ingress"]!.AsArray().Select(r => r!).ToList();
        var containerPorts = rendered.Container["ports"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => int.Parse(p!["containerPort"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        int Resolve(string? port) => int.TryParse(port, out var number) ? number : containerPorts[port!];

        var metricsTarget = rendered.Single("Service", "ecs-operator-metrics")["spec"]!["ports"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == "https-metrics")!["targetPort"]!.ToString();
        var metricsPort = Resolve(metricsTarget);

        // Every rule names its ports; the metrics port is open to labelled namespaces only (no ipBlock, no bare pod selector).
        Assert.All(ingress, rule => Assert.NotEmpty(Ports(rule)));
        var metricsRules = ingress.Where(r => Ports(r).Any(p => Resolve(p.Port) == metricsPort)).ToList();
        Assert.NotEmpty(metricsRules);
        foreach (var rule in metricsRules)
        {
            var from = rule["from"]?.AsArray();
            Assert.NotNull(from);
            Assert.NotEmpty(from);
            Assert.All(from, peer =>
            {
                Assert.Null(peer!["ipBlock"]);
                Assert.Equal("true", peer["namespaceSelector"]?["matchLabels"]?[MonitoringLabel]?.GetValue<string>());
            });
        }

        // A probe port apart from the metrics port needs its own rule (kubelet traffic from the node).
        var probePorts = new[] { "livenessProbe", "readinessProbe", "startupProbe" }
            .Select(p => rendered.Container[p]?["httpGet"]?["port"]?.ToString()).OfType<string>().Select(Resolve).Distinct();
        foreach (var probe in probePorts.Where(p => p != metricsPort))
            Assert.Contains(ingress, r => Ports(r).Any(p => Resolve(p.Port) == probe));
    }
}
