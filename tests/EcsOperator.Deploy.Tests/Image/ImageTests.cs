using System.Text.Json;
using EcsOperator.Deploy.Tests.Kustomize;
using EcsOperator.Deploy.Tests.Support;
using EcsOperator.KubeApiServer;

namespace EcsOperator.Deploy.Tests.Image;

/// <summary>
/// There is no Docker engine here: these tests hold the Dockerfile to scripts/publish.sh, run that script, and run the
/// published operator, so the image build cannot rot unnoticed.
/// </summary>
public sealed class ImageTests
{
    private static readonly Dockerfile Docker = Dockerfile.Load(Path.Combine(RepoPaths.Root, "Dockerfile"));

    private const string PublishDirectory = "/app";

    [Fact]
    public void The_build_stage_publishes_with_the_script_the_tests_run()
    {
        var run = Docker.All("build", "RUN").Where(r => r.Contains("publish", StringComparison.Ordinal)).ToList();
        var publish = Assert.Single(run);
        Assert.EndsWith($"./scripts/publish.sh --aot {PublishDirectory}", publish, StringComparison.Ordinal);
        Assert.Contains(Docker.All("build", "COPY"), c => c == "scripts/publish.sh scripts/publish.sh");
        // The script is the only place the publish command is spelled out.
        Assert.DoesNotContain(Docker.Instructions, i => i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
    }

    [Fact]
    public void The_runtime_stage_is_chiseled_runtime_deps_non_root_and_starts_the_native_binary()
    {
        var from = Docker.Instructions.Last(i => i.Instruction == "FROM").Arguments;
        Assert.Contains("/runtime-deps:", from, StringComparison.Ordinal); // Native AOT: no .NET runtime in the image
        Assert.Contains("-chiseled", from, StringComparison.Ordinal);
        Assert.Contains($"--from=build {PublishDirectory}/ ./", Docker.All("runtime", "COPY"));
        Assert.Equal($"{HostContract.RunAsUser}:{HostContract.RunAsUser}", Docker.Single("runtime", "USER"));

        var entrypoint = JsonSerializer.Deserialize<string[]>(Docker.Single("runtime", "ENTRYPOINT"))!;
        Assert.Equal([$"{PublishDirectory}/{HostContract.AssemblyName}"], entrypoint); // NativeAotTests starts this binary
        Assert.Equal(HostContract.HealthPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Docker.Single("runtime", "EXPOSE"));

        // The Deployment runs the image as the same user and passes the run command as arguments.
        var rendered = DeployDirectories.RenderedDefault;
        Assert.Equal(HostContract.RunAsUser, rendered.PodSpec["securityContext"]!["runAsUser"]!.GetValue<long>());
        Assert.Null(rendered.Container["command"]);
    }

    [Fact]
    public void The_image_writes_nothing_outside_tmp()
    {
        var env = string.Join(' ', Docker.All("runtime", "ENV"));
        Assert.Contains("DOTNET_EnableDiagnostics=0", env, StringComparison.Ordinal);
        Assert.Contains("HOME=/tmp", env, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_leaves_the_GC_settings_to_the_binary_except_workstation_mode()
    {
        // The GC settings live in src/EcsOperator/EcsOperator.csproj, embedded in the Native AOT binary and written to
        // the JIT runtimeconfig (checked below): an environment variable here would override them for the image only.
        var env = Docker.All("runtime", "ENV").SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(e => e.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal("0", env["DOTNET_gcServer"]);
        Assert.DoesNotContain(env.Keys, k => k != "DOTNET_gcServer" && k.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase));
        var deployment = DeployDirectories.RenderedDefault.Container["env"]!.AsArray().Select(e => e!["name"]!.GetValue<string>());
        Assert.DoesNotContain(deployment, k => k.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_assembly_name_is_the_one_the_image_starts()
    {
        Assert.Equal(HostContract.AssemblyName, typeof(EcsOperator.Hosting.OperatorOptions).Assembly.GetName().Name);
    }

    /// <summary>
    /// Runs scripts/publish.sh in its JIT mode (the image publishes with --aot: tests/EcsOperator.Host.Tests/NativeAotTests
    /// starts that binary), then the published operator's <c>crds</c> command. Fast when src/ is already built in
    /// Release (as scripts/test.sh does first); a cold build takes a few minutes.
    /// </summary>
    [Fact]
    public async Task The_jit_publish_mode_produces_an_operator_that_prints_its_crds()
    {
        var output = Directory.CreateTempSubdirectory("ecs-operator-publish-");
        try
        {
            var publish = await ProcessRunner.TryRunAsync("bash", ["scripts/publish.sh", output.FullName], TimeSpan.FromMinutes(8));
            Assert.NotNull(publish);
            Assert.True(publish.ExitCode == 0, $"scripts/publish.sh failed ({publish.Elapsed}):\n{publish.StandardOutput}\n{publish.StandardError}");
            var dll = Path.Combine(output.FullName, HostContract.AssemblyName + ".dll");
            Assert.True(File.Exists(dll), $"{dll} was not published");
            // Framework-dependent and portable: no native apphost, so one publish serves every architecture.
            Assert.False(File.Exists(Path.Combine(output.FullName, HostContract.AssemblyName)), "an apphost was published");

            // The GC settings the Native AOT binary embeds from the same project (tests/Benchmarks/README.md, "Memory"):
            // without the gen0 cap the GC committed ~110 MB for ~30 MB live while 10,000 objects arrived.
            var gc = JsonNode.Parse(File.ReadAllText(Path.Combine(output.FullName, HostContract.AssemblyName + ".runtimeconfig.json")))!["runtimeOptions"]!["configProperties"]!;
            Assert.False(gc["System.GC.Server"]!.GetValue<bool>());
            Assert.False(gc["System.GC.Concurrent"]!.GetValue<bool>());
            Assert.Equal(5, gc["System.GC.ConserveMemory"]!.GetValue<int>());
            Assert.Equal(4 * 1024 * 1024, gc["System.GC.Gen0MaxBudget"]?.GetValue<int>());
            Assert.Equal(1024 * 1024, gc["System.GC.RegionSize"]?.GetValue<int>());

            var crds = await ProcessRunner.TryRunAsync("dotnet", [dll, "crds"], TimeSpan.FromMinutes(1), workingDirectory: output.FullName);
            Assert.NotNull(crds);
            Assert.True(crds.ExitCode == 0, $"ecs-operator crds failed:\n{crds.StandardError}");
            var printed = YamlToJson.ParseDocuments(crds.StandardOutput).Select(d => d!["metadata"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal);
            Assert.Equal(Api.Kinds.Crds.Select(k => $"{k.Plural}.{k.Group}").Order(StringComparer.Ordinal), printed);

            // The published CRDs carry the descriptions from the XML docs, exactly as the checked-in ones.
            var checkedIn = Directory.EnumerateFiles(RepoPaths.Crds, "*.yaml").SelectMany(f => YamlToJson.ParseDocuments(File.ReadAllText(f)))
                .ToDictionary(d => d!["metadata"]!["name"]!.GetValue<string>());
            foreach (var crd in YamlToJson.ParseDocuments(crds.StandardOutput))
                Assert.True(JsonNode.DeepEquals(checkedIn[crd!["metadata"]!["name"]!.GetValue<string>()], crd), $"published operator prints a different {crd["metadata"]!["name"]}");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
