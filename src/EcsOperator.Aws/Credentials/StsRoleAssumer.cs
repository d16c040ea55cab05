using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.Credentials;

/// <summary>
/// Calls sts:AssumeRole as the operator's own principal (the credential source every other call starts from), with
/// session tags. One SDK client for all namespaces; the endpoint and region resolve like the ECS ones.
/// </summary>
public sealed class StsRoleAssumer : IDisposable
{
    private static readonly AwsService Sts = new("sts", "sts", string.Empty);

    private readonly Lazy<AmazonSecurityTokenServiceClient> _client;

    /// <param name="operatorCredentials">The operator's own credentials (they sign AssumeRole).</param>
    /// <param name="region">Resolves the region (called once, on the first AssumeRole).</param>
    /// <param name="endpointOverride">An explicit STS endpoint, or null for AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL / regional.</param>
    /// <param name="environment">Environment variable reader (default: the process environment).</param>
    public StsRoleAssumer(AwsCredentialsSource operatorCredentials, Func<string> region, Uri? endpointOverride, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(operatorCredentials);
        ArgumentNullException.ThrowIfNull(region);
        var env = environment ?? Environment.GetEnvironmentVariable;
        _client = new Lazy<AmazonSecurityTokenServiceClient>(
            () =>
            {
                var resolvedRegion = region();
                var endpoint = AwsEndpoints.Resolve(Sts, resolvedRegion, endpointOverride, env);
                var config = new AmazonSecurityTokenServiceConfig
                {
                    ServiceURL = endpoint.ToString(),
                    AuthenticationRegion = resolvedRegion,
                };
                return new AmazonSecurityTokenServiceClient(new SourceCredentials(operatorCredentials), config);
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Assumes <paramref name="roleArn"/>; the result expires at <see cref="AssumedRoleSession.Expiration"/>.</summary>
    public async Task<AssumedRoleSession> AssumeAsync(
        string roleArn,
        string sessionName,
        TimeSpan duration,
        IReadOnlyDictionary<string, string> sessionTags,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionTags);
        var request = new AssumeRoleRequest
        {
            RoleArn = roleArn,
            RoleSessionName = sessionName,
            DurationSeconds = (int)duration.TotalSeconds,
            Tags = [.. sessionTags.Select(t => new Tag { Key = t.Key, Value = t.Value })],
            // Transitive: if the tenant role chains into another role, the namespace tag (and so the PassRole and
            // owner-tag conditions keyed on it) go along and cannot be dropped.
            TransitiveTagKeys = [.. sessionTags.Keys],
        };
        var response = await _client.Value.AssumeRoleAsync(request, cancellationToken).ConfigureAwait(false);
        var credentials = response.Credentials
            ?? throw new AmazonClientException($"sts:AssumeRole of {roleArn} returned no credentials");
        var expiration = credentials.Expiration is { } expires
            ? new DateTimeOffset(DateTime.SpecifyKind(expires, expires.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : expires.Kind).ToUniversalTime())
            : throw new AmazonClientException($"sts:AssumeRole of {roleArn} returned credentials without an expiration");
        return new AssumedRoleSession(
            new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
            expiration);
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    /// <summary>The operator's credential source as SDK credentials, so STS requests are signed by the same principal.</summary>
    private sealed class SourceCredentials(AwsCredentialsSource source) : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => source.GetAsync(CancellationToken.None).GetAwaiter().GetResult();

        public override Task<ImmutableCredentials> GetCredentialsAsync() => source.GetAsync(CancellationToken.None);
    }
}
