using System.Security.Cryptography;
using System.Text;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Core.Arns;

namespace EcsOperator.Core.TaskDefinitions;

/// <summary>
/// The task-definition family an object registers under when its spec names none: <c>&lt;namespace&gt;_td_&lt;name&gt;</c>
/// for an EcsTaskDefinition, <c>&lt;namespace&gt;_svc_&lt;name&gt;</c> for an EcsService's inline template, dots of the
/// name written as '_'. A namespace (an RFC 1123 label) holds no '_' and a name neither '_' nor "..", so the first '_'
/// marks where the namespace ends and the second where the kind ends: no two (kind, namespace, name) share a family.
/// Every family starts with <c>&lt;namespace&gt;_</c>, the prefix the tenancy rules and the IAM policy allow, and no
/// other namespace's prefix can match it ('_' is not a namespace character, so <c>a_</c> never covers <c>a-b</c>'s
/// names). The two schemes before (<see cref="Legacy"/>, and <c>&lt;namespace&gt;-td_&lt;name&gt;</c> of
/// <see cref="Dashed"/>) put a '-' there, which a namespace may hold; an object that registered under one of them keeps
/// it (<see cref="Of(EcsTaskDefinition, string)"/>, <see cref="OfInlineTemplate(EcsService, string)"/>).
/// </summary>
public static class TaskDefinitionFamilies
{
    /// <summary>ECS: up to 255 letters, digits, hyphens and underscores.</summary>
    public const int MaxLength = 255;

    private const int HashLength = 16;

    private const string TaskDefinitionKind = "td";

    private const string InlineTemplateKind = "svc";

    /// <summary>The default family of a new EcsTaskDefinition.</summary>
    public static string ForTaskDefinition(string @namespace, string name) => Build(@namespace, '_', TaskDefinitionKind, name);

    /// <summary>The default family of a new EcsService's inline <c>taskDefinitionTemplate</c>.</summary>
    public static string ForInlineTemplate(string @namespace, string name) => Build(@namespace, '_', InlineTemplateKind, name);

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
    /// The default family from issue 15 until the '_' separator: <c>&lt;namespace&gt;-td_&lt;name&gt;</c> or
    /// <c>&lt;namespace&gt;-svc_&lt;name&gt;</c>. Unique per object, but under <c>&lt;namespace&gt;-</c>, which
    /// namespace <c>a</c> shares with <c>a-b</c>; objects that registered under it keep it.
    /// </summary>
    public static string Dashed(string @namespace, bool inlineTemplate, string name) =>
        Build(@namespace, '-', inlineTemplate ? InlineTemplateKind : TaskDefinitionKind, name);

    /// <summary>
    /// The family <paramref name="obj"/> registers under: spec.family; else an earlier default of its own
    /// (<see cref="EarlierDefaultOf(EcsTaskDefinition, string)"/>); else <see cref="ForTaskDefinition"/>.
    /// </summary>
    public static string Of(EcsTaskDefinition obj) => Of(obj, obj?.Metadata.Namespace ?? string.Empty);

    /// <inheritdoc cref="Of(EcsTaskDefinition)"/>
    public static string Of(EcsTaskDefinition obj, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Spec.Family
            ?? EarlierDefaultOf(obj, @namespace)
            ?? ForTaskDefinition(@namespace, obj.Metadata.Name ?? string.Empty);
    }

    /// <summary>
    /// The earlier default family <paramref name="obj"/> keeps: its spec names no family and its status (which only the
    /// operator writes) records that it registered under its own <see cref="Legacy"/> or <see cref="Dashed"/> default,
    /// so its revisions are not orphaned. Null otherwise: a family the status records that is not derived from this
    /// object's namespace and name is never kept.
    /// </summary>
    public static string? EarlierDefaultOf(EcsTaskDefinition obj, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Spec.Family is not null || obj.Status?.Family is not { } recorded)
            return null;
        return IsEarlierDefault(recorded, @namespace, obj.Metadata.Name ?? string.Empty, inlineTemplate: false) ? recorded : null;
    }

    /// <summary>
    /// The family of <paramref name="service"/>'s inline template: its family; else an earlier default of its own
    /// (<see cref="EarlierDefaultOf(EcsService, string)"/>); else <see cref="ForInlineTemplate"/>. Null without a template.
    /// </summary>
    public static string? OfInlineTemplate(EcsService service) => OfInlineTemplate(service, service?.Metadata.Namespace ?? string.Empty);

    /// <inheritdoc cref="OfInlineTemplate(EcsService)"/>
    public static string? OfInlineTemplate(EcsService service, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Spec.TaskDefinitionTemplate is not { } template)
            return null;
        return template.Family
            ?? EarlierDefaultOf(service, @namespace)
            ?? ForInlineTemplate(@namespace, service.Metadata.Name ?? string.Empty);
    }

    /// <summary>
    /// The earlier default family <paramref name="service"/>'s inline template keeps: the template names no family and
    /// the task definition its status records is of the service's own <see cref="Legacy"/> or <see cref="Dashed"/>
    /// default. Null otherwise.
    /// </summary>
    public static string? EarlierDefaultOf(EcsService service, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Spec.TaskDefinitionTemplate is not { Family: null } || service.Status?.TaskDefinitionArn is not { } arn)
            return null;
        var recorded = EcsNames.TaskDefinitionFamily(arn);
        return IsEarlierDefault(recorded, @namespace, service.Metadata.Name ?? string.Empty, inlineTemplate: true) ? recorded : null;
    }

    private static bool IsEarlierDefault(string family, string @namespace, string name, bool inlineTemplate) =>
        family == Legacy(@namespace, name) || family == Dashed(@namespace, inlineTemplate, name);

    private static string Build(string @namespace, char separator, string kind, string name)
    {
        // Anything outside ECS's alphabet (a Kubernetes name only adds '.') becomes '_'.
        var family = $"{Clean(@namespace, '-')}{separator}{kind}_{Clean(name, '_')}";
        if (family.Length <= MaxLength)
            return family;
        // "__" never occurs in a family that fits (no ".." in a name, which starts with neither '.' nor '_'), so a
        // shortened family never equals one that fits.
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
