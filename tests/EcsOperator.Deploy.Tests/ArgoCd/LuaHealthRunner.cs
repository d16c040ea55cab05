using System.Globalization;
using System.Text;
using System.Text.Json;
using EcsOperator.Deploy.Tests.Support;

namespace EcsOperator.Deploy.Tests.ArgoCd;

/// <summary>Argo CD's verdict for one object: status and message.</summary>
public sealed record HealthStatus(string Status, string Message);

/// <summary>
/// Runs deploy/argocd/health.lua the way Argo CD does (the object as the global <c>obj</c>, the script's return value
/// as the verdict) with the lua5.4 interpreter; the object is written as a Lua table literal.
/// </summary>
public static class LuaHealthRunner
{
    public const string Interpreter = "lua5.4";

    public static string ScriptPath { get; } = Path.Combine(RepoPaths.Root, "deploy", "argocd", "health.lua");

    public static async Task<HealthStatus> RunAsync(JsonNode obj)
    {
        if (!ProcessRunner.IsOnPath(Interpreter))
            Assert.Fail($"{Interpreter} is not installed: apt-get install lua5.4 (scripts/test.sh installs it when missing)");
        var program = new StringBuilder()
            .Append("local obj = ").Append(ToLua(obj)).Append('\n')
            .Append("local hs = (function()\n").Append(await File.ReadAllTextAsync(ScriptPath)).Append("\nend)()\n")
            .Append("io.write(tostring(hs.status), \"\\n\", tostring(hs.message))\n")
            .ToString();
        var result = await ProcessRunner.TryRunAsync(Interpreter, ["-"], TimeSpan.FromSeconds(30), standardInput: program);
        Assert.NotNull(result);
        Assert.True(result.ExitCode == 0, $"health.lua failed:\n{result.StandardError}");
        var newline = result.StandardOutput.IndexOf('\n', StringComparison.Ordinal);
        return new HealthStatus(result.StandardOutput[..newline], result.StandardOutput[(newline + 1)..]);
    }

    /// <summary>A Lua table constructor for a JSON value (null becomes nil, arrays 1-based, as Argo CD converts objects).</summary>
    public static string ToLua(JsonNode? node) => node switch
    {
        null => "nil",
        JsonObject obj => "{" + string.Join(", ", obj.Where(p => p.Value is not null).Select(p => $"[{Quote(p.Key)}] = {ToLua(p.Value)}")) + "}",
        JsonArray array => "{" + string.Join(", ", array.Select(ToLua)) + "}",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => Quote(value.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.ToJsonString(),
            _ => "nil",
        },
        _ => throw new ArgumentException($"unexpected JSON node {node.GetType()}", nameof(node)),
    };

    private static string Quote(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in Encoding.UTF8.GetBytes(text))
        {
            if (c is (byte)'"' or (byte)'\\')
                sb.Append('\\').Append((char)c);
            else if (c < 0x20 || c >= 0x7f)
                sb.Append('\\').Append(c.ToString("D3", CultureInfo.InvariantCulture));
            else
                sb.Append((char)c);
        }

        return sb.Append('"').ToString();
    }
}
