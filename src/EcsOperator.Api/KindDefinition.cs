using EcsOperator.Api.Crds;

namespace EcsOperator.Api;

/// <summary>Everything the API server and the CRD need to know about one of our kinds.</summary>
public sealed record KindDefinition
{
    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Kind { get; init; }

    /// <summary>The lower-case plural used in URLs: <c>/apis/{group}/{version}/namespaces/{ns}/{plural}</c>.</summary>
    public required string Plural { get; init; }

    public required string Singular { get; init; }

    public required IReadOnlyList<string> ShortNames { get; init; }

    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>The CLR type of the object (root of the CRD schema).</summary>
    public required Type ClrType { get; init; }

    public required IReadOnlyList<PrinterColumn> PrinterColumns { get; init; }

    /// <summary>The scale subresource's replica paths, or null when the kind has none.</summary>
    public ScaleSubresource? Scale { get; init; }

    /// <summary>False for a cluster-scoped kind (CRD <c>scope: Cluster</c>, URLs without a namespace).</summary>
    public bool Namespaced { get; init; } = true;

    /// <summary>Whether the kind has a status subresource.</summary>
    public bool HasStatus { get; init; } = true;

    public string ApiVersion => Group + "/" + Version;

    public string ListKind => Kind + "List";

    /// <summary>The CRD's <c>metadata.name</c>: <c>{plural}.{group}</c>.</summary>
    public string CrdName => Plural + "." + Group;
}
