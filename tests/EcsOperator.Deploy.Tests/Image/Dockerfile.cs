namespace EcsOperator.Deploy.Tests.Image;

/// <summary>The instructions of the repository Dockerfile, by stage (continuation lines joined, comments dropped).</summary>
public sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<(string Stage, string Instruction, string Arguments)> instructions) => Instructions = instructions;

    public IReadOnlyList<(string Stage, string Instruction, string Arguments)> Instructions { get; }

    public static Dockerfile Load(string path)
    {
        var instructions = new List<(string, string, string)>();
        var stage = string.Empty;
        var pending = string.Empty;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
                continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }

            var full = pending + line;
            pending = string.Empty;
            var space = full.IndexOf(' ', StringComparison.Ordinal);
            var instruction = full[..space].ToUpperInvariant();
            var arguments = full[(space + 1)..].Trim();
            if (instruction == "FROM")
            {
                var alias = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stage = alias.Length >= 3 && alias[^2].Equals("AS", StringComparison.OrdinalIgnoreCase) ? alias[^1] : string.Empty;
            }

            instructions.Add((stage, instruction, arguments));
        }

        return new Dockerfile(instructions);
    }

    public IEnumerable<string> All(string stage, string instruction) =>
        Instructions.Where(i => i.Stage == stage && i.Instruction == instruction).Select(i => i.Arguments);

    public string Single(string stage, string instruction) => Assert.Single(All(stage, instruction));
}
