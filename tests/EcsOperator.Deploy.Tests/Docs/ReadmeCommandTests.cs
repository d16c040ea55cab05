using System.Text.RegularExpressions;

namespace EcsOperator.Deploy.Tests.Docs;

/// <summary>
/// The user README (top-level README.md): every command in its shell blocks is checked by
/// <see cref="ReadmeCommandChecker"/> or says why it is not run (<c># not run by tests: &lt;why&gt;</c>), and every
/// relative link points at something that exists.
/// </summary>
public sealed partial class ReadmeCommandTests
{
    private static readonly Lazy<string> Markdown = new(() => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")));

    private static readonly Lazy<IReadOnlyList<ReadmeCommand>> Commands = new(() => ReadmeCommand.Extract(Markdown.Value));

    private static readonly Lazy<ReadmeCommandChecker> Checker = new(() => new ReadmeCommandChecker(Commands.Value));

    /// <summary>Each command as "line N: text" (a readable test case name).</summary>
    public static TheoryData<int, string> ReadmeCommands =>
        new(Commands.Value.Select(c => (c.Line, c.Text)).ToArray());

    [Theory]
    [MemberData(nameof(ReadmeCommands))]
    public async Task Readme_command_is_checked_or_says_why_not(int line, string text)
    {
        var command = Commands.Value.Single(c => c.Line == line && c.Text == text);
        if (command.NotRunReason is not null)
        {
            Assert.True(command.NotRunReason.Length >= 10, $"README line {line}: '# not run by tests:' needs a real reason, got '{command.NotRunReason}'");
            return;
        }

        var problems = await Checker.Value.CheckAsync(command.Text);
        Assert.True(problems.Count == 0, $"README line {line}: {command.Text}\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void The_readme_has_the_commands_of_every_section_a_user_needs()
    {
        var texts = Commands.Value.Select(c => c.Text).ToList();
        Assert.Contains("./scripts/test.sh", texts); // CI reads the test command from here
        foreach (var expected in new[] { "kubectl apply -k deploy/", "kubectl apply -k deploy/overlays/single-namespace", "kubectl get ecs", "kubectl wait --for=condition=Ready", "kubectl patch ecsservice", "dotnet run --project src/EcsOperator.EcsSimulator", "dotnet run --project src/EcsOperator.Playground" })
            Assert.Contains(texts, t => t.StartsWith(expected, StringComparison.Ordinal));
        // Most commands are checked; marking is for what truly needs Docker, an AWS account or a cluster.
        Assert.True(Commands.Value.Count(c => c.NotRunReason is null) >= 3 * Commands.Value.Count(c => c.NotRunReason is not null),
            "more than a quarter of the README's commands are marked '# not run by tests'");
    }

    [Fact]
    public void Every_relative_link_points_to_an_existing_file_or_heading()
    {
        var headings = Headings().Matches(Markdown.Value).Select(m => Slug(m.Groups["title"].Value)).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var links = Links().Matches(Markdown.Value).Select(m => m.Groups["target"].Value).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            if (link.StartsWith("http://", StringComparison.Ordinal) || link.StartsWith("https://", StringComparison.Ordinal) || link.StartsWith("mailto:", StringComparison.Ordinal))
                continue;
            var hash = link.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? link : link[..hash];
            if (path.Length == 0)
            {
                if (!headings.Contains(link[1..]))
                    problems.Add($"{link}: no such heading");
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(RepoPaths.Root, path));
            if (!File.Exists(full) && !Directory.Exists(full))
                problems.Add($"{link}: {path} does not exist");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("kubectl frobnicate ecsservice web", "not recognised")]
    [InlineData("docker build .", "not recognised")]
    [InlineData("kubectl apply -f deploy/examples/no-such-file.yaml", "does not exist")]
    [InlineData("kubectl wait --for=condition=Healthy ecsservice/web -n shop", "not one the operator sets")]
    [InlineData("kubectl wait --for=condition=Ready ecsservice/api -n billing", "not applied by any README command")]
    [InlineData("kubectl wait --for=condition=Ready deployment/web -n shop", "not one of our kinds")]
    [InlineData("kubectl wait --for=jsonpath='{.status.phase}'=Done ecstask/web-migrate-1-42 -n shop", "is never Done")]
    [InlineData("kubectl get ecstd web -n shop -o jsonpath='{.status.revisionz}'", "has no field revisionz")]
    [InlineData("kubectl patch ecsservice web -n shop --type merge -p '{\"spec\":{\"taskDefinition\":\"shop-web:1\"}}'", "InvalidSpec")]
    [InlineData("kubectl patch ecsservice web -n shop --type merge -p '{\"spec\":{\"desiredCont\":3}}'", "unknown field")]
    [InlineData("kubectl apply -k deploy/overlays/no-such-overlay", "does not render")]
    [InlineData("dotnet run --project src/EcsOperator -- run --no-such-option", "no-such-option")]
    [InlineData("dotnet run --project src/EcsOperator -- run --resync-interval soon", "resync-interval")]
    [InlineData("dotnet run --project src/EcsOperator.EcsSimulator -- --speed 2", "does not read --speed")]
    [InlineData("curl -s http://127.0.0.1:9090/metrics", "port")]
    [InlineData("cd deploy/base && kustomize edit set image nginx=example.com/nginx:1", "no container image named nginx")]
    [InlineData("kubectl apply -f -", "nothing the checker ran is piped")]
    [InlineData("./scripts/no-such-script.sh", "does not exist")]
    [InlineData("dotnet run --project src/EcsOperator.Playground -- --api-port 99999", "not a port")]
    [InlineData("ecs-operator playground --tick-ms 0", "at least 1")]
    [InlineData("kubectl -n ecs-operator-system logs deploy/ecs-operator-controller", "no Deployment ecs-operator-controller")]
    [InlineData("kubectl describe ecsservice checkout -n shop", "not applied by any README command")]
    [InlineData("kubectl -n ecs-operator-system port-forward svc/ecs-operator-metrics 8081:http", "has no port http")]
    public async Task The_checker_rejects_what_would_not_work(string command, string expected)
    {
        var problems = await Checker.Value.CheckAsync(command);
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)),
            $"expected a problem containing '{expected}' for: {command}\ngot: {string.Join("\n", problems)}");
    }

    [Fact]
    public void Commands_are_extracted_from_shell_blocks_only_with_continuations_joined_and_markers_read()
    {
        const string markdown = """
            ```sh
            # a comment
            kubectl get ecs   # trailing comment
            FOO=1 dotnet run --project src/EcsOperator -- \
              run --workers 3
            aws s3 ls   # not run by tests: needs an AWS account
            ```

            ```text
            NAME   READY
            ```

            ```console
            $ kubectl get ecs
            NAME   READY
            ```

            - item

              ```
              ./scripts/test.sh
              ```
            """;
        var commands = ReadmeCommand.Extract(markdown);
        Assert.Equal(
            ["kubectl get ecs", "FOO=1 dotnet run --project src/EcsOperator --  run --workers 3", "aws s3 ls", "kubectl get ecs", "./scripts/test.sh"],
            commands.Select(c => c.Text));
        Assert.Equal("needs an AWS account", commands[2].NotRunReason);
        Assert.All(commands.Where((_, i) => i != 2), c => Assert.Null(c.NotRunReason));
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static string Slug(string title) =>
        string.Concat(title.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-');

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex Headings();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Links();
}
