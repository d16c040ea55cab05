using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// TokenReview (authentication.k8s.io/v1) and SubjectAccessReview (authorization.k8s.io/v1) as kube-apiserver
/// answers them, from what a test sets up: which bearer tokens belong to which user and groups, and which user or
/// group may use which verb on which non-resource path (the part of RBAC that <c>nonResourceURLs</c> rules grant).
/// Reviews are created, answered and not stored, like kube does.
/// </summary>
public sealed class AccessReviews
{
    private readonly ConcurrentDictionary<string, (string User, string[] Groups)> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Subject, string Verb, string Path), bool> _grants = new();
    private int _tokenReviews;
    private int _subjectAccessReviews;

    /// <summary>How many TokenReviews were answered.</summary>
    public int TokenReviewCount => Volatile.Read(ref _tokenReviews);

    /// <summary>How many SubjectAccessReviews were answered.</summary>
    public int SubjectAccessReviewCount => Volatile.Read(ref _subjectAccessReviews);

    /// <summary>A token that authenticates as <paramref name="user"/> (e.g. <c>system:serviceaccount:monitoring:prometheus</c>).</summary>
    public void AddToken(string token, string user, params string[] groups) => _tokens[token] = (user, groups);

    /// <summary>Lets a user or group (as RBAC subjects) use <paramref name="verb"/> on the non-resource URL <paramref name="path"/>.</summary>
    public void AllowNonResource(string subject, string verb, string path) => _grants[(subject, verb, path)] = true;

    /// <summary>Answers a create of either review; false for any other request.</summary>
    internal async Task<bool> TryHandleAsync(HttpContext context, KubeRequest request)
    {
        if (request.Verb != "create" || request.Version != "v1")
            return false;
        JsonObject? answer = (request.Group, request.Resource) switch
        {
            ("authentication.k8s.io", "tokenreviews") => TokenReview(await ReadAsync(context)),
            ("authorization.k8s.io", "subjectaccessreviews") => SubjectAccessReview(await ReadAsync(context)),
            _ => null,
        };
        if (answer is null)
            return false;
        context.Response.StatusCode = 201;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer.ToJsonString()), context.RequestAborted);
        return true;
    }

    private JsonObject TokenReview(JsonObject review)
    {
        Interlocked.Increment(ref _tokenReviews);
        var token = review["spec"]?["token"]?.GetValue<string>() ?? throw KubeErrors.BadRequest("spec.token: Required value");
        review["status"] = _tokens.TryGetValue(token, out var who)
            ? new JsonObject
            {
                ["authenticated"] = true,
                ["user"] = new JsonObject { ["username"] = who.User, ["groups"] = new JsonArray([.. who.Groups.Select(g => (JsonNode)g)]) },
            }
            : new JsonObject { ["error"] = "invalid bearer token" };
        return review;
    }

    private JsonObject SubjectAccessReview(JsonObject review)
    {
        Interlocked.Increment(ref _subjectAccessReviews);
        var spec = review["spec"] as JsonObject ?? throw KubeErrors.BadRequest("spec: Required value");
        var attributes = spec["nonResourceAttributes"] as JsonObject;
        var path = attributes?["path"]?.GetValue<string>();
        var verb = attributes?["verb"]?.GetValue<string>();
        var subjects = new List<string>();
        if (spec["user"]?.GetValue<string>() is { } user)
            subjects.Add(user);
        if (spec["groups"] is JsonArray groups)
            subjects.AddRange(groups.Select(g => g?.GetValue<string>()).OfType<string>());
        var allowed = path is not null && verb is not null && subjects.Any(s => _grants.ContainsKey((s, verb, path)));
        review["status"] = allowed
            ? new JsonObject { ["allowed"] = true, ["reason"] = "allowed by the test's grants" }
            : new JsonObject { ["allowed"] = false };
        return review;
    }

    private static async Task<JsonObject> ReadAsync(HttpContext context) =>
        await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
        ?? throw KubeErrors.BadRequest("the body is not a JSON object");
}
