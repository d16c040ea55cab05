using System.Security.Cryptography;
using System.Text;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Core.Arns;

namespace EcsOperator.Core.TaskDefinitions;

/// <summary>
/// The task-definition family an object registers under when its spec names none: <c>&lt;namespace&gt;-td_&lt;name&gt;</c>
/// for an EcsTaskDefinition, <c>&lt;namespace&gt;-svc_&lt;name&gt;</c> for an EcsService's inline template, dots of the
/// name written as '_'. A namespace holds no '_' and a name neither '_' nor "..", so the first '_' marks where the
/// namespace and the kind end: no two (kind, namespace, name) share a family, and none shares one with the scheme
/// before (<see cref="Legacy"/>, which never holds a '_'). Every family starts with <c>&lt;namespace&gt;-</c>, the
/// prefix the tenancy rules and the IAM policy allow.
/// </summary>
public static class TaskDefinitionFamilies
{
    /// <summary>ECS: up to 255 letters, digits, hyphens and underscores.</summary>
    public const int MaxLength = 255;

    private const int HashLength = 16;

    /// <summary>The default family of a new EcsTaskDefinition.</summary>
    public static string ForTaskDefinition(string @namespace, string name) => Build(@namespace, "td", name);

    /// <summary>The default family of a new EcsService's inline <c>taskDefinitionTemplate</c>.</summary>
    public static string ForInlineTemplate(string @namespace, string name) => Build(@namespace, "svc", name);

    /// <summary>
    /// The default family before issue 15: <c>&lt;namespace&gt;-&lt;name&gt;</c>, dots as dashes, shortened with a hash
    /// past 255 characters. It let <c>a-b/c</c> and <c>a/b-c</c>, and an EcsTaskDefinition and an EcsService of the
    /// same name, share a family; objects that registered under it keep it (their revisions live there).
    /// </summary>
    public static string Legacy(string @namespace, string name)
    {
        var family = $"{@namespace}-{name}".Replace('.', '-');
        if (family.Length <= MaxLength)
            return family;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(family)))[..12];
        return $"{family[..(MaxLength - hash.Length - 1)]}-{hash}";
    }

    /// <summary>
    /// The family <paramref name="obj"/> registers under: spec.family; else the legacy default when status records
    /// that it registered there (so an object from before the new scheme does not orphan its revisions); else
    /// <see cref="ForTaskDefinition"/>.
    /// </summary>
    public static string Of(EcsTaskDefinition obj) => Of(obj, obj?.Metadata.Namespace ?? string.Empty);

    /// <inheritdoc cref="Of(EcsTaskDefinition)"/>
    public static string Of(EcsTaskDefinition obj, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Spec.Family is { } family)
            return family;
        var (ns, name) = (@namespace, obj.Metadata.Name ?? string.Empty);
        return obj.Status?.Family is { } recorded && recorded == Legacy(ns, name) ? recorded : ForTaskDefinition(ns, name);
    }

    /// <summary>
    /// The family of <paramref name="service"/>'s inline template: its family; else the legacy default when the
    /// service's recorded task definition is of that family; else <see cref="ForInlineTemplate"/>. Null without a template.
    /// </summary>
    public static string? OfInlineTemplate(EcsService service) => OfInlineTemplate(service, service?.Metadata.Namespace ?? string.Empty);

    /// <inheritdoc cref="OfInlineTemplate(EcsService)"/>
    public static string? OfInlineTemplate(EcsService service, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Spec.TaskDefinitionTemplate is not { } template)
            return null;
        if (template.Family is { } family)
            return family;
        var (ns, name) = (@namespace, service.Metadata.Name ?? string.Empty);
        var legacy = Legacy(ns, name);
        return service.Status?.TaskDefinitionArn is { } arn && EcsNames.TaskDefinitionFamily(arn) == legacy ? legacy : ForInlineTemplate(ns, name);
    }

    private static string Build(string @namespace, string kind, string name)
    {
        // Anything outside ECS's alphabet (a Kubernetes name only adds '.') becomes '_'.
        var family = $"{Clean(@namespace, '-')}-{kind}_{Clean(name, '_')}";
        if (family.Length <= MaxLength)
            return family;
        // "__" never occurs in a family that fits (no ".." in a name), so a shortened family never equals one that fits.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(family)))[..HashLength];
        return $"{family[..(MaxLength - HashLength - 2)]}__{hash}";
    }

    private static string Clean(string value, char replacement)
    {
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(chars[i]) || chars[i] == '-'))
                chars[i] = replacement;
        }

        return new string(chars);
    }
}
