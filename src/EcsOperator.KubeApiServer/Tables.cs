using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// Server-side printing, as kube does it for <c>kubectl get</c>: a request accepting
/// <c>application/json;as=Table;v=v1;g=meta.k8s.io</c> gets a <c>meta.k8s.io/v1 Table</c> whose columns are Name and
/// the CRD's <c>additionalPrinterColumns</c> (Name and Created At without them); date columns are ages ("5m3s").
/// </summary>
internal static class Tables
{
    public static bool Wanted(HttpRequest request) =>
        request.Headers.Accept.ToString().Split(',').FirstOrDefault() is { } first
        && first.Contains("as=Table", StringComparison.Ordinal) && first.Contains("g=meta.k8s.io", StringComparison.Ordinal);

    /// <summary>A Table of one object (get) or of a list's items (list).</summary>
    public static JsonObject From(ServedResource type, JsonObject objectOrList, string? includeObject, DateTimeOffset now)
    {
        var items = objectOrList["items"] is JsonArray list ? list.OfType<JsonObject>().ToList() : [objectOrList];
        var metadata = new JsonObject();
        if (objectOrList["items"] is not null && objectOrList["metadata"] is JsonObject listMeta)
        {
            foreach (var key in new[] { "resourceVersion", "continue", "remainingItemCount" })
            {
                if (listMeta[key] is { } value)
                    metadata[key] = value.DeepClone();
            }
        }
        else if (objectOrList["metadata"]?["resourceVersion"] is { } rv)
        {
            metadata["resourceVersion"] = rv.DeepClone();
        }

        var columns = Columns(type);
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = new JsonArray(columns.Select(c => (JsonNode?)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Format ?? string.Empty,
                ["description"] = c.Description ?? string.Empty,
                ["priority"] = c.Priority,
            }).ToArray()),
            ["rows"] = new JsonArray(items.Select(i => (JsonNode?)Row(columns, i, includeObject, now)).ToArray()),
        };
    }

    /// <summary>A watch event line with its object as a one-row Table (BOOKMARK and ERROR events unchanged).</summary>
    public static string WatchLine(ServedResource type, string line, string? includeObject, DateTimeOffset now)
    {
        if (JsonNode.Parse(line) is not JsonObject watchEvent || (string?)watchEvent["type"] is not ("ADDED" or "MODIFIED" or "DELETED")
            || watchEvent["object"] is not JsonObject obj)
            return line;
        watchEvent["object"] = From(type, obj, includeObject, now);
        return watchEvent.ToJsonString();
    }

    private static List<TableColumn> Columns(ServedResource type)
    {
        var name = new TableColumn("Name", "string", ".metadata.name") { Format = "name", Description = "Name must be unique within a namespace." };
        return type.PrinterColumns.Count > 0
            ? [name, .. type.PrinterColumns]
            : [name, new TableColumn("Created At", "date", ".metadata.creationTimestamp") { Description = "CreationTimestamp of the object." }];
    }

    private static JsonObject Row(List<TableColumn> columns, JsonObject item, string? includeObject, DateTimeOffset now)
    {
        var row = new JsonObject
        {
            ["cells"] = new JsonArray(columns.Select(c => Cell(c, item, now)).ToArray()),
        };
        switch (includeObject)
        {
            case "None":
                break;
            case "Object":
                row["object"] = item.DeepClone();
                break;
            default:
                row["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = item["metadata"]?.DeepClone(),
                };
                break;
        }

        return row;
    }

    private static JsonNode? Cell(TableColumn column, JsonObject item, DateTimeOffset now)
    {
        var value = SimpleJsonPath.Evaluate(item, column.JsonPath).FirstOrDefault();
        if (value is not JsonValue scalar)
            return value?.ToJsonString();
        switch (column.Type)
        {
            case "date":
                return DateTimeOffset.TryParse(scalar.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? Age(now - at)
                    : scalar.ToString();
            case "integer" or "number" or "boolean":
                return scalar.DeepClone();
            default:
                return scalar.ToString();
        }
    }

    /// <summary>kube's HumanDuration, as <c>kubectl get</c> shows AGE.</summary>
    internal static string Age(TimeSpan d)
    {
        if (d < TimeSpan.FromSeconds(1))
            return "0s";
        if (d < TimeSpan.FromMinutes(2))
            return $"{(int)d.TotalSeconds}s";
        if (d < TimeSpan.FromMinutes(10))
            return d.Seconds == 0 ? $"{(int)d.TotalMinutes}m" : $"{(int)d.TotalMinutes}m{d.Seconds}s";
        if (d < TimeSpan.FromHours(3))
            return $"{(int)d.TotalMinutes}m";
        if (d < TimeSpan.FromHours(8))
            return d.Minutes == 0 ? $"{(int)d.TotalHours}h" : $"{(int)d.TotalHours}h{d.Minutes}m";
        if (d < TimeSpan.FromHours(48))
            return $"{(int)d.TotalHours}h";
        if (d < TimeSpan.FromDays(8))
            return d.Hours == 0 ? $"{(int)d.TotalDays}d" : $"{(int)d.TotalDays}d{d.Hours}h";
        return d < TimeSpan.FromDays(365 * 2) ? $"{(int)d.TotalDays}d" : $"{(int)(d.TotalDays / 365)}y";
    }
}
