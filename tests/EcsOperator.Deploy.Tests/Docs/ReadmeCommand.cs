using System.Text;
using System.Text.RegularExpressions;

namespace EcsOperator.Deploy.Tests.Docs;

/// <summary>
/// One command line of a fenced shell block in a Markdown file: <c>```sh</c>, <c>```bash</c>, <c>```shell</c>,
/// <c>```console</c> (only lines starting with <c>$ </c>) or an unlabelled <c>```</c> block. Blocks labelled
/// otherwise (<c>```text</c>, <c>```yaml</c>) are output or manifests, not commands.
/// </summary>
public sealed partial record ReadmeCommand(int Line, string Text, string? NotRunReason)
{
    private const string NotRunMarker = "# not run by tests:";

    private static readonly HashSet<string> ShellLanguages = ["", "sh", "bash", "shell", "console"];

    public override string ToString() => $"line {Line}: {Text}";

    /// <summary>Every command of <paramref name="markdown"/>, with continuation lines joined and comments removed.</summary>
    public static IReadOnlyList<ReadmeCommand> Extract(string markdown)
    {
        var commands = new List<ReadmeCommand>();
        var lines = markdown.Split('\n');
        string? language = null;
        string? fence = null;
        var pending = new StringBuilder();
        var pendingLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim().TrimEnd('\r');
            if (fence is null)
            {
                if (FenceStart().Match(trimmed) is { Success: true } start)
                {
                    fence = start.Groups["fence"].Value;
                    language = start.Groups["lang"].Value.Trim().ToLowerInvariant();
                }

                continue;
            }

            if (trimmed == fence)
            {
                if (pending.Length > 0)
                    throw new FormatException($"README line {pendingLine}: a command ends with '\\' at the end of its block");
                fence = null;
                continue;
            }

            if (!ShellLanguages.Contains(language!))
                continue;
            var text = trimmed;
            if (language == "console" && pending.Length == 0)
            {
                if (!text.StartsWith("$ ", StringComparison.Ordinal))
                    continue; // output
                text = text[2..];
            }

            if (pending.Length == 0 && (text.Length == 0 || text.StartsWith('#')))
                continue;
            if (pending.Length == 0)
                pendingLine = i + 1;
            if (text.EndsWith('\\'))
            {
                pending.Append(text[..^1]).Append(' ');
                continue;
            }

            pending.Append(text);
            commands.Add(Parse(pendingLine, pending.ToString()));
            pending.Clear();
        }

        return commands;
    }

    private static ReadmeCommand Parse(int line, string text)
    {
        var comment = CommentStart(text);
        if (comment < 0)
            return new ReadmeCommand(line, text.Trim(), null);
        var command = text[..comment].Trim();
        var remark = text[comment..].Trim();
        if (remark.StartsWith(NotRunMarker, StringComparison.Ordinal))
            return new ReadmeCommand(line, command, remark[NotRunMarker.Length..].Trim());
        return new ReadmeCommand(line, command, null);
    }

    /// <summary>Where a shell comment starts (a <c>#</c> after whitespace, outside quotes), or -1.</summary>
    private static int CommentStart(string text)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                    quote = null;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^(?<fence>```+)(?<lang>[A-Za-z0-9_-]*)\s*$")]
    private static partial Regex FenceStart();
}
