using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>Builds errors with the messages, reasons and details apimachinery's api/errors package produces.</summary>
public static class KubeErrors
{
    private static JsonObject Details(string? name, string group, string kind)
    {
        var d = new JsonObject();
        if (!string.IsNullOrEmpty(name))
        {
            d["name"] = name;
        }

        if (group.Length > 0)
        {
            d["group"] = group;
        }

        d["kind"] = kind;
        return d;
    }

    /// <summary>group-qualified resource, e.g. <c>ecsservices.ecs.operator.dev</c> or <c>configmaps</c>.</summary>
    public static string QualifiedResource(string group, string plural) => group.Length == 0 ? plural : $"{plural}.{group}";

    public static KubeApiException NotFound(string group, string plural, string name) =>
        new(404, "NotFound", $"{QualifiedResource(group, plural)} \"{name}\" not found", Details(name, group, plural));

    public static KubeApiException AlreadyExists(string group, string plural, string name) =>
        new(409, "AlreadyExists", $"{QualifiedResource(group, plural)} \"{name}\" already exists", Details(name, group, plural));

    /// <summary>409 Conflict; <paramref name="resource"/> is a plural (or a Kind, where kube puts one there).</summary>
    public static KubeApiException Conflict(string group, string resource, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {QualifiedResource(group, resource)} \"{name}\": {why}", Details(name, group, resource));

    public const string ModifiedConflictMessage = "the object has been modified; please apply your changes to the latest version and try again";

    /// <summary>422 Invalid; <paramref name="kind"/> is a Kind (or a plural where kube puts one there).</summary>
    public static KubeApiException Invalid(string group, string kind, string name, IReadOnlyList<FieldError> errors)
    {
        var qualifiedKind = group.Length == 0 ? kind : $"{kind}.{group}";
        var aggregate = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors.Select(e => e.ToString())) + "]";
        var details = Details(name, group, kind);
        var causes = new JsonArray();
        foreach (var e in errors)
        {
            causes.Add(new JsonObject { ["reason"] = e.Reason, ["message"] = e.Body, ["field"] = e.Field });
        }

        details["causes"] = causes;
        return new KubeApiException(422, "Invalid", $"{qualifiedKind} \"{name}\" is invalid: {aggregate}", details);
    }

    public static KubeApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static KubeApiException MethodNotSupported(string group, string plural, string action) =>
        new(405, "MethodNotAllowed", $"{action} is not supported on resources of kind \"{QualifiedResource(group, plural)}\"",
            Details(null, group, plural));

    public static KubeApiException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        new(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)}",
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "UnexpectedServerResponse", ["message"] = contentType }) });

    public static KubeApiException Forbidden(string group, string plural, string name, string why) =>
        new(403, "Forbidden", $"{QualifiedResource(group, plural)} \"{name}\" is forbidden: {why}", Details(name, group, plural));

    public static KubeApiException Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static KubeApiException Expired(string message) => new(410, "Expired", message);

    public static KubeApiException Gone(string message) => new(410, "Gone", message);

    public static KubeApiException ResourceNotFound(string path) =>
        new(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    public static KubeApiException TooManyRequests(string message, TimeSpan retryAfter) =>
        new(429, "TooManyRequests", message, new JsonObject(), retryAfter);

    public static KubeApiException InternalError(string message) =>
        new(500, "InternalError", $"Internal error occurred: {message}",
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = message }) });

    public static KubeApiException Timeout(string message, int retryAfterSeconds) =>
        new(504, "Timeout", message, new JsonObject(), TimeSpan.FromSeconds(retryAfterSeconds));

    /// <summary>An error for an injected fault, with the reason and message kube uses for that code.</summary>
    public static KubeApiException ForCode(int code, string? reason, string? message, TimeSpan? retryAfter)
    {
        var (defaultReason, defaultMessage) = code switch
        {
            400 => ("BadRequest", "the server rejected our request for an unknown reason"),
            401 => ("Unauthorized", "Unauthorized"),
            403 => ("Forbidden", "forbidden"),
            404 => ("NotFound", "the server could not find the requested resource"),
            409 => ("Conflict", "the server reported a conflict"),
            410 => ("Expired", "the resource version is too old"),
            422 => ("Invalid", "the server rejected our request due to an error in our request"),
            429 => ("TooManyRequests", "the server has received too many requests and has asked us to try again later"),
            500 => ("InternalError", "an error on the server (\"injected fault\") has prevented the request from succeeding"),
            503 => ("ServiceUnavailable", "the server is currently unable to handle the request"),
            504 => ("Timeout", "the server was unable to return a response in the time allotted, but may still be processing the request"),
            _ => ("", $"the server responded with the status code {code} but did not return more information"),
        };
        return new KubeApiException(code, reason ?? defaultReason, message ?? defaultMessage, new JsonObject(), retryAfter);
    }
}
