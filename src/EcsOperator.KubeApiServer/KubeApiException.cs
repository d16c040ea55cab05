using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>An error the test server returns as a <c>Status</c> object.</summary>
public sealed class KubeApiException : Exception
{
    public KubeApiException(int code, string reason, string message, JsonObject? details = null, TimeSpan? retryAfter = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
        RetryAfter = retryAfter;
    }

    /// <summary>HTTP status code.</summary>
    public int Code { get; }

    /// <summary>Status reason (NotFound, Conflict, ...); empty for codes kube gives no reason.</summary>
    public string Reason { get; }

    /// <summary>Status details, or null.</summary>
    public JsonObject? Details { get; }

    /// <summary>Sent as Retry-After (and details.retryAfterSeconds) when set.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The Status object kube writes for this error.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
        };
        if (Reason.Length > 0)
        {
            status["reason"] = Reason;
        }

        var details = Details?.DeepClone().AsObject();
        if (RetryAfter is { } retry)
        {
            details ??= [];
            details["retryAfterSeconds"] = (int)Math.Ceiling(retry.TotalSeconds);
        }

        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = Code;
        return status;
    }
}
