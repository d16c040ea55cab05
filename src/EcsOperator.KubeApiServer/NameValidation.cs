using System.Text.RegularExpressions;

namespace EcsOperator.KubeApiServer;

/// <summary>How a resource validates <c>metadata.name</c>.</summary>
public enum NameRule
{
    /// <summary>RFC 1123 subdomain (most kinds, all custom resources).</summary>
    DnsSubdomain,

    /// <summary>RFC 1123 label (namespaces).</summary>
    DnsLabel,

    /// <summary>Anything that can be a path segment (no '/', '%', not '.' or '..').</summary>
    PathSegment,
}

/// <summary>apimachinery's name validation, with its messages.</summary>
public static partial class NameValidation
{
    private const string SubdomainFormat = @"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private const string LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    [GeneratedRegex("^" + SubdomainFormat + "$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^" + LabelFormat + "$")]
    private static partial Regex Label();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    /// <summary>A label value / qualified-name part (63 chars max).</summary>
    public static bool IsQualifiedNamePart(string value) => value.Length <= 63 && QualifiedNamePart().IsMatch(value);

    /// <summary>Messages for an invalid RFC 1123 subdomain; empty when valid.</summary>
    public static List<string> DnsSubdomainErrors(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253)
        {
            errors.Add("must be no more than 253 characters");
        }

        if (!Subdomain().IsMatch(value))
        {
            errors.Add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '" + SubdomainFormat + "')");
        }

        return errors;
    }

    /// <summary>Messages for an invalid RFC 1123 label; empty when valid.</summary>
    public static List<string> DnsLabelErrors(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        if (!Label().IsMatch(value))
        {
            errors.Add("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '" + LabelFormat + "')");
        }

        return errors;
    }

    /// <summary>Messages for a name that is not a valid path segment; empty when valid.</summary>
    public static List<string> PathSegmentErrors(string value)
    {
        var errors = new List<string>();
        if (value is "." or "..")
        {
            errors.Add($"may not be '{value}'");
        }

        foreach (var bad in new[] { "/", "%" })
        {
            if (value.Contains(bad, StringComparison.Ordinal))
            {
                errors.Add($"may not contain '{bad}'");
            }
        }

        return errors;
    }

    /// <summary>Messages for <paramref name="name"/> under <paramref name="rule"/>.</summary>
    public static List<string> Errors(NameRule rule, string name) => rule switch
    {
        NameRule.DnsLabel => DnsLabelErrors(name),
        NameRule.PathSegment => PathSegmentErrors(name),
        _ => DnsSubdomainErrors(name),
    };
}
