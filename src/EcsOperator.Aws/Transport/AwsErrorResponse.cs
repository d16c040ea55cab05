using System.Net;
using System.Text;
using System.Text.Json;

namespace EcsOperator.Aws.Transport;

/// <summary>Turns a non-2xx AWS JSON 1.1 response into an <see cref="AwsServiceException"/>.</summary>
public static class AwsErrorResponse
{
    private const int MaxBodyExcerpt = 200;

    /// <summary>
    /// Reads the error code (<c>__type</c> or the <c>x-amzn-ErrorType</c> header, namespace and suffix stripped),
    /// message, status and request id. A body that is not AWS JSON (an HTML 500 page from a proxy, an empty body) still
    /// yields an error naming the HTTP status and what came back.
    /// </summary>
    public static AwsServiceException Parse(
        AwsOperation operation,
        HttpStatusCode statusCode,
        string? errorTypeHeader,
        string? requestId,
        ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var status = (int)statusCode;
        string? code = null;
        string? message = null;
        if (TryReadJsonObject(body, out var document))
        {
            using (document)
            {
                var root = document!.RootElement;
                code = StringProperty(root, "__type") ?? StringProperty(root, "code") ?? StringProperty(root, "Code");
                message = StringProperty(root, "message") ?? StringProperty(root, "Message") ?? StringProperty(root, "errorMessage");
            }
        }

        code ??= errorTypeHeader;
        code = NormalizeCode(code);
        var where = $"{operation.Service.SigningName} {operation.Name}";
        string text;
        if (code is null)
        {
            // Not an AWS error document: say what we got so a misrouted endpoint or proxy page is recognisable.
            code = $"Http{status}";
            var excerpt = Excerpt(body);
            text = excerpt.Length == 0
                ? $"{where} failed: HTTP {status} {ReasonPhrase(statusCode)} with an empty body"
                : $"{where} failed: HTTP {status} {ReasonPhrase(statusCode)} with a non-AWS body: {excerpt}";
        }
        else
        {
            text = $"{where} failed: {code}: {(string.IsNullOrWhiteSpace(message) ? "(no message)" : message)}";
        }

        var kind = AwsErrorClassifier.Classify(code, message, status);
        return new AwsServiceException(code, text, status, requestId, kind)
        {
            // A server error (unlike throttling) says nothing about whether the request was carried out.
            OutcomeUnknown = status >= 500 && !AwsErrorClassifier.IsThrottling(code, status),
        };
    }

    /// <summary>
    /// <c>com.amazonaws.ecs#ClusterNotFoundException</c> -> <c>ClusterNotFoundException</c>;
    /// <c>ThrottlingException:http://internal.amazon.com/</c> -> <c>ThrottlingException</c>.
    /// </summary>
    public static string? NormalizeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        code = code.Trim();
        return code.Length == 0 ? null : code;
    }

    private static bool TryReadJsonObject(ReadOnlySpan<byte> body, out JsonDocument? document)
    {
        document = null;
        if (body.IsEmpty)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            if (JsonDocument.TryParseValue(ref reader, out var parsed) && parsed.RootElement.ValueKind == JsonValueKind.Object)
            {
                document = parsed;
                return true;
            }

            parsed?.Dispose();
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? StringProperty(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string ReasonPhrase(HttpStatusCode statusCode)
    {
        var name = statusCode.ToString();
        return int.TryParse(name, out _) ? "" : $"({name})";
    }

    private static string Excerpt(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Length > 4 * MaxBodyExcerpt ? body[..(4 * MaxBodyExcerpt)] : body);
        var builder = new StringBuilder(MaxBodyExcerpt + 1);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && (lastWasSpace || builder.Length == 0))
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
            if (builder.Length >= MaxBodyExcerpt)
            {
                builder.Append('…');
                break;
            }
        }

        return builder.ToString().TrimEnd();
    }
}
