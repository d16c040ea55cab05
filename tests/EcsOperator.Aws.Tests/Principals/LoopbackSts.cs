using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Web;
using EcsOperator.Aws.Tests.Transport;
using Microsoft.AspNetCore.Http;

namespace EcsOperator.Aws.Tests.Principals;

/// <summary>An AssumeRole request as the loopback STS decoded it (query protocol form body).</summary>
public sealed record AssumeRoleCall(
    string RoleArn, string SessionName, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> TransitiveTagKeys,
    string Authorization, string IssuedAccessKeyId, string IssuedSessionToken);

/// <summary>
/// A loopback STS that answers AssumeRole (query protocol, XML) with fresh credentials for every call, valid for
/// <see cref="Lifetime"/>, and records what it was asked and what it issued.
/// </summary>
public sealed class LoopbackSts : IAsyncDisposable
{
    private readonly ConcurrentQueue<AssumeRoleCall> _calls = new();
    private LoopbackAwsServer _server = null!;

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    public Uri Endpoint => _server.Endpoint;

    public IReadOnlyList<AssumeRoleCall> Calls => [.. _calls];

    /// <summary>The clock expirations are issued by (the test's clock, as AWS's and the operator's agree).</summary>
    public Func<DateTimeOffset> Now { get; init; } = () => DateTimeOffset.UtcNow;

    public static async Task<LoopbackSts> StartAsync(Func<DateTimeOffset>? now = null)
    {
        var sts = new LoopbackSts { Now = now ?? (() => DateTimeOffset.UtcNow) };
        sts._server = await LoopbackAwsServer.StartAsync((context, number) => sts.AnswerAsync(context, number));
        return sts;
    }

    private async Task AnswerAsync(HttpContext context, int number)
    {
        var body = _server.Requests.Last().Body;
        var form = HttpUtility.ParseQueryString(Encoding.UTF8.GetString(body));
        if (form["Action"] != "AssumeRole")
        {
            context.Response.StatusCode = 400;
            return;
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; form[$"Tags.member.{i}.Key"] is { } key; i++)
        {
            tags[key] = form[$"Tags.member.{i}.Value"] ?? string.Empty;
        }

        var transitive = new List<string>();
        for (var i = 1; form[$"TransitiveTagKeys.member.{i}"] is { } key; i++)
        {
            transitive.Add(key);
        }

        var sessionName = form["RoleSessionName"] ?? string.Empty;
        var accessKeyId = $"ASIALOOPBACK{number:D4}";
        var token = $"token-{sessionName}-{number}";
        _calls.Enqueue(new AssumeRoleCall(
            form["RoleArn"] ?? string.Empty, sessionName, tags, transitive,
            context.Request.Headers.Authorization.ToString(), accessKeyId, token));
        var expiration = Now().Add(Lifetime).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync($"""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <Credentials>
                  <AccessKeyId>{accessKeyId}</AccessKeyId>
                  <SecretAccessKey>secret-{number}</SecretAccessKey>
                  <SessionToken>{token}</SessionToken>
                  <Expiration>{expiration}</Expiration>
                </Credentials>
                <AssumedRoleUser>
                  <AssumedRoleId>AROALOOPBACK:{sessionName}</AssumedRoleId>
                  <Arn>arn:aws:sts::111122223333:assumed-role/tenant/{sessionName}</Arn>
                </AssumedRoleUser>
                <PackedPolicySize>3</PackedPolicySize>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>sts-{number}</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
