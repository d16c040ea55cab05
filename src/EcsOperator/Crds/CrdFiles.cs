using System.Xml.Linq;
using EcsOperator.Api;
using EcsOperator.Api.Crds;

namespace EcsOperator.Crds;

/// <summary>The CRD YAML files of all kinds, named <c>{group}_{plural}.yaml</c>, as <c>crds/</c> holds them.</summary>
public static class CrdFiles
{
    /// <summary>Loads the XML documentation files (<c>EcsOperator*.xml</c>) shipped next to the assemblies.</summary>
    public static XmlDocumentation LoadDocumentation(string? directory = null)
    {
        var dir = directory ?? AppContext.BaseDirectory;
        var files = Directory.EnumerateFiles(dir, "EcsOperator*.xml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException(
                $"No EcsOperator*.xml documentation files in {dir}; CRD descriptions are generated from them (build with GenerateDocumentationFile).");
        }

        return XmlDocumentation.FromDocuments(files.Select(f => XDocument.Load(f)));
    }

    /// <summary>File name and YAML content of each kind's CRD.</summary>
    public static IReadOnlyList<(string FileName, string Yaml)> Render(XmlDocumentation docs) =>
        [.. Kinds.Crds.Select(kind => (FileName(kind), JsonYamlWriter.ToYaml(CrdGenerator.Generate(kind, docs))))];

    public static string FileName(KindDefinition kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return $"{kind.Group}_{kind.Plural}.yaml";
    }
}
