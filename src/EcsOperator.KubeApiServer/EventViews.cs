using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// core/v1 and events.k8s.io/v1 Events are two views of one stored Event (kube-apiserver converts between them the
/// same way): the fields the two APIs name differently are renamed, the rest is shared.
/// </summary>
internal static class EventViews
{
    /// <summary>The storage both Event resources share.</summary>
    public const string StorageKey = "events.k8s.io/events";

    private const string CoreApiVersion = "v1";
    private const string EventsApiVersion = "events.k8s.io/v1";

    /// <summary>core/v1 name, events.k8s.io/v1 name.</summary>
    private static readonly (string Core, string Events)[] Renamed =
    [
        ("involvedObject", "regarding"),
        ("message", "note"),
        ("reportingComponent", "reportingController"),
        ("source", "deprecatedSource"),
        ("firstTimestamp", "deprecatedFirstTimestamp"),
        ("lastTimestamp", "deprecatedLastTimestamp"),
        ("count", "deprecatedCount"),
    ];

    /// <summary>
    /// <paramref name="stored"/> in <paramref name="type"/>'s field names when it was written through the other Event
    /// API; null when it needs no conversion (not an Event, or stored through this API).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JsonObject? Convert(JsonObject stored, ServedResource type)
    {
        if (type.StorageKey != StorageKey || (string?)stored["apiVersion"] is not { } storedAs || storedAs == type.ApiVersion)
            return null;

        var toCore = storedAs == EventsApiVersion && type.ApiVersion == CoreApiVersion;
        if (!toCore && !(storedAs == CoreApiVersion && type.ApiVersion == EventsApiVersion))
            return null;

        var converted = new JsonObject();
        foreach (var (key, value) in stored)
        {
            var rename = Renamed.FirstOrDefault(r => (toCore ? r.Events : r.Core) == key);
            converted[rename == default ? key : toCore ? rename.Core : rename.Events] = value?.DeepClone();
        }

        return converted;
    }
}
