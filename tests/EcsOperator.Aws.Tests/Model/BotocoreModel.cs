using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Xunit;

namespace EcsOperator.Aws.Tests.Model;

/// <summary>
/// A botocore service model (<c>service-2.json.gz</c>) as installed with the Python botocore package: the reference
/// for AWS shape and member names. Located through <c>BOTOCORE_DATA</c> or by asking python3 where botocore lives.
/// </summary>
public sealed class BotocoreModel
{
    private static readonly Lazy<string?> DataDirectory = new(FindDataDirectory);

    private BotocoreModel(string serviceName, JsonElement root)
    {
        ServiceName = serviceName;
        Root = root;
    }

    public string ServiceName { get; }

    public JsonElement Root { get; }

    public JsonElement Shapes => Root.GetProperty("shapes");

    public JsonElement Operations => Root.GetProperty("operations");

    public JsonElement Shape(string name) =>
        Shapes.TryGetProperty(name, out var shape)
            ? shape
            : throw new KeyNotFoundException($"botocore {ServiceName} has no shape '{name}'.");

    /// <summary>Loads the model, or skips the calling test with a visible reason when botocore is not installed.</summary>
    public static BotocoreModel LoadOrSkip(Botocore service)
    {
        var relative = service == Botocore.Ecs
            ? Path.Combine("ecs", "2014-11-13", "service-2.json.gz")
            : Path.Combine("application-autoscaling", "2016-02-06", "service-2.json.gz");
        var directory = DataDirectory.Value;
        var path = directory is null ? null : Path.Combine(directory, relative);
        if (path is null || !File.Exists(path))
        {
            Assert.Skip(
                $"botocore model {relative} not found (set BOTOCORE_DATA to botocore's data directory or install " +
                "botocore for python3); skipping the conformance check.");
        }

        return Cache.GetOrAdd(path, p =>
        {
            using var file = File.OpenRead(p);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var document = JsonDocument.Parse(gzip);
            return new BotocoreModel(service.ToString(), document.RootElement.Clone());
        });
    }

    /// <summary>
    /// Every structure shape reachable from the inputs and outputs of <paramref name="operations"/>, with whether it
    /// is reachable from an input (a request may carry it) .
    /// </summary>
    public IReadOnlyDictionary<string, bool> StructuresReachableFrom(IEnumerable<string> operations)
    {
        var found = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            var op = Operations.GetProperty(operation);
            if (op.TryGetProperty("input", out var input))
                Visit(input.GetProperty("shape").GetString()!, isInput: true);
            if (op.TryGetProperty("output", out var output))
                Visit(output.GetProperty("shape").GetString()!, isInput: false);
        }

        return found;

        void Visit(string name, bool isInput)
        {
            var shape = Shape(name);
            switch (shape.GetProperty("type").GetString())
            {
                case "structure":
                    if (found.TryGetValue(name, out var wasInput) && (wasInput || !isInput))
                        return;
                    found[name] = isInput || wasInput;
                    foreach (var member in shape.GetProperty("members").EnumerateObject())
                        Visit(member.Value.GetProperty("shape").GetString()!, isInput);
                    break;
                case "list":
                    Visit(shape.GetProperty("member").GetProperty("shape").GetString()!, isInput);
                    break;
                case "map":
                    Visit(shape.GetProperty("value").GetProperty("shape").GetString()!, isInput);
                    break;
            }
        }
    }

    /// <summary>Every enum shape (a string shape with <c>enum</c>) reachable from the given structures.</summary>
    public IEnumerable<string> EnumsUsedBy(IEnumerable<string> structures)
    {
        var enums = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var structure in structures)
        {
            foreach (var member in Shape(structure).GetProperty("members").EnumerateObject())
            {
                var target = member.Value.GetProperty("shape").GetString()!;
                var shape = Shape(target);
                if (shape.GetProperty("type").GetString() == "list")
                {
                    target = shape.GetProperty("member").GetProperty("shape").GetString()!;
                    shape = Shape(target);
                }

                if (shape.TryGetProperty("enum", out _))
                    enums.Add(target);
            }
        }

        return enums;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, BotocoreModel> Cache = new();

    private static string? FindDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("BOTOCORE_DATA") is { Length: > 0 } configured)
            return configured;
        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3")
            {
                ArgumentList = { "-c", "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (python is null)
                return null;
            var output = python.StandardOutput.ReadToEnd().Trim();
            return python.WaitForExit(TimeSpan.FromSeconds(20)) && python.ExitCode == 0 && output.Length > 0
                ? output
                : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no python3 on this machine
        }
    }
}

public enum Botocore
{
    Ecs,
    ApplicationAutoScaling,
}
