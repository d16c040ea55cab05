using System.Text.Json.Nodes;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>A patch body with its content type.</summary>
public sealed record KubernetesPatch(string ContentType, string Body)
{
    public const string MergePatchContentType = "application/merge-patch+json";
    public const string JsonPatchContentType = "application/json-patch+json";

    /// <summary>RFC 7386 merge patch: objects merge, everything else (lists too) replaces, null deletes.</summary>
    public static KubernetesPatch Merge(JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new KubernetesPatch(MergePatchContentType, body.ToJsonString());
    }

    /// <summary>RFC 7386 merge patch from JSON text.</summary>
    public static KubernetesPatch Merge(string json) => new(MergePatchContentType, json);

    /// <summary>RFC 6902 JSON patch: a JSON array of operations.</summary>
    public static KubernetesPatch Json(JsonArray operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return new KubernetesPatch(JsonPatchContentType, operations.ToJsonString());
    }

    /// <summary>RFC 6902 JSON patch from JSON text.</summary>
    public static KubernetesPatch Json(string json) => new(JsonPatchContentType, json);
}
