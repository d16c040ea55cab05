using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EcsOperator.Api.Crds;

/// <summary>
/// The XML documentation comments of our assemblies, rendered as plain text for CRD descriptions. The caller loads
/// the <c>*.xml</c> files (this assembly does no I/O); <c>&lt;see cref&gt;</c> to a property renders as its JSON name.
/// </summary>
public sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, XElement> members = new(StringComparer.Ordinal);
    private readonly JsonNamingPolicy naming;

    private XmlDocumentation(JsonNamingPolicy naming) => this.naming = naming;

    /// <summary>Indexes the <c>member</c> elements of the given documentation files.</summary>
    public static XmlDocumentation FromDocuments(IEnumerable<XDocument> documents, JsonNamingPolicy? naming = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var docs = new XmlDocumentation(naming ?? JsonNamingPolicy.CamelCase);
        foreach (var document in documents)
        {
            foreach (var member in document.Descendants("member"))
            {
                if (member.Attribute("name")?.Value is { } name)
                {
                    docs.members[name] = member;
                }
            }
        }

        return docs;
    }

    /// <summary>How many documented members were loaded (zero means the files were not found).</summary>
    public int Count => members.Count;

    /// <summary>The summary (and remarks) of a type, or null when it has none.</summary>
    public string? ForType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Render("T:" + DocId(type));
    }

    /// <summary>The summary (and remarks) of a property, following overridden and hidden declarations.</summary>
    public string? ForProperty(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        for (var type = property.DeclaringType; type is not null; type = type.BaseType)
        {
            if (Render("P:" + DocId(type) + "." + property.Name) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The summary of an enum member (by its C# name), or null.</summary>
    public string? ForEnumMember(Type enumType, string name)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return Render("F:" + DocId(enumType) + "." + name);
    }

    private static string DocId(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private string? Render(string id)
    {
        if (!members.TryGetValue(id, out var member))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var section in new[] { "summary", "remarks" })
        {
            if (member.Element(section) is { } element)
            {
                var text = Normalize(RenderNodes(element.Nodes()));
                if (text.Length > 0)
                {
                    parts.Add(text);
                }
            }
        }

        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    private string RenderNodes(IEnumerable<XNode> nodes)
    {
        var builder = new StringBuilder();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case XText text:
                    builder.Append(text.Value);
                    break;
                case XElement { Name.LocalName: "para" } para:
                    builder.Append("\n\n").Append(RenderNodes(para.Nodes())).Append("\n\n");
                    break;
                case XElement { Name.LocalName: "br" }:
                    builder.Append('\n');
                    break;
                case XElement { Name.LocalName: "item" } item:
                    builder.Append("\n- ").Append(RenderNodes(item.Nodes()));
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    builder.Append(RenderReference(see));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    builder.Append(reference.Attribute("name")?.Value);
                    break;
                case XElement element:
                    builder.Append(RenderNodes(element.Nodes()));
                    break;
            }
        }

        return builder.ToString();
    }

    private string RenderReference(XElement see)
    {
        if (!see.IsEmpty)
        {
            return RenderNodes(see.Nodes());
        }

        if (see.Attribute("langword")?.Value is { } word)
        {
            return word;
        }

        if (see.Attribute("href")?.Value is { } href)
        {
            return href;
        }

        var cref = see.Attribute("cref")?.Value ?? string.Empty;
        var kind = cref.Length > 1 && cref[1] == ':' ? cref[0] : ' ';
        var name = cref[(cref.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            name = name[..paren];
        }

        name = name[(name.LastIndexOf('.') + 1)..];
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        // A property reads as the field the user writes in YAML.
        return kind == 'P' ? naming.ConvertName(name) : name;
    }

    private static string Normalize(string text)
    {
        var paragraphs = ParagraphBreak().Split(text)
            .Select(p => string.Join('\n', p.Split('\n').Select(line => Spaces().Replace(line, " ").Trim())
                .Where(line => line.Length > 0)))
            .Where(p => p.Length > 0)
            .Select(JoinWrappedLines);
        return string.Join("\n\n", paragraphs).Trim();
    }

    // Source comments wrap at ~120 columns; a description reads better unwrapped, except bullet lines.
    private static string JoinWrappedLines(string paragraph)
    {
        var builder = new StringBuilder();
        foreach (var line in paragraph.Split('\n'))
        {
            if (builder.Length > 0)
            {
                builder.Append(line.StartsWith("- ", StringComparison.Ordinal) ? '\n' : ' ');
            }

            builder.Append(line);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"[ \t\r]+")]
    private static partial Regex Spaces();
}
