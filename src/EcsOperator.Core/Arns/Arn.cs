namespace EcsOperator.Core.Arns;

/// <summary>
/// An Amazon Resource Name split into its parts: <c>arn:partition:service:region:account:resource</c>.
/// The resource part keeps its own separators (<c>service/cluster/name</c>, <c>task-definition/family:3</c>).
/// </summary>
public sealed record Arn(string Partition, string Service, string Region, string Account, string Resource)
{
    public static bool TryParse(string? text, out Arn arn)
    {
        arn = null!;
        if (text is null || !text.StartsWith("arn:", StringComparison.Ordinal))
            return false;
        var parts = text.Split(':', 6);
        if (parts.Length != 6 || parts[1].Length == 0 || parts[2].Length == 0 || parts[5].Length == 0)
            return false;
        arn = new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
    }

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";
}
