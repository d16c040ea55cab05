using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.Credentials;

/// <summary>
/// Supplies credentials for signing. The credentials object is found once (options, then the SDK's default chain:
/// environment, shared profile, web identity / IRSA, container credentials incl. EKS Pod Identity, instance
/// metadata) and then asked on every call, so refreshing credentials (web identity, container, instance) renew
/// themselves before they expire.
/// </summary>
public sealed class AwsCredentialsSource
{
    /// <summary>The message of the error when no credentials can be found.</summary>
    public const string MissingCredentialsMessage =
        "No AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, IRSA (AWS_ROLE_ARN + " +
        "AWS_WEB_IDENTITY_TOKEN_FILE), EKS Pod Identity (AWS_CONTAINER_CREDENTIALS_FULL_URI + " +
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE), or run with an instance role";

    private readonly Func<CancellationToken, Task<AWSCredentials>> _resolve;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AWSCredentials? _credentials;

    public AwsCredentialsSource(AwsClientOptions options)
        : this(CreateResolver(options))
    {
    }

    /// <summary>For tests and custom chains: <paramref name="resolve"/> finds the credentials object once.</summary>
    public AwsCredentialsSource(Func<CancellationToken, Task<AWSCredentials>> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        _resolve = resolve;
    }

    /// <summary>Current credentials, refreshed by the SDK when near expiry.</summary>
    /// <exception cref="AwsConfigurationException">No credentials are configured.</exception>
    /// <exception cref="AwsServiceException">Credentials are configured but could not be fetched right now.</exception>
    public async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var credentials = await ResolveAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return current ?? throw new AwsConfigurationException(MissingCredentialsMessage);
        }
        catch (AmazonServiceException e)
        {
            // STS (web identity) answered with an error: classify it like any AWS error.
            var code = AwsErrorResponse.NormalizeCode(e.ErrorCode) ?? "CredentialsUnavailable";
            var status = e.StatusCode == 0 ? (int?)null : (int)e.StatusCode;
            throw new AwsServiceException(
                code,
                $"Could not obtain AWS credentials from {credentials.GetType().Name}: {code}: {e.Message}",
                status,
                e.RequestId,
                AwsErrorClassifier.Classify(code, e.Message, status),
                e);
        }
        catch (AmazonClientException e)
        {
            // The credential endpoint (container, instance metadata, STS) was unreachable or returned nonsense.
            throw new AwsServiceException(
                "CredentialsUnavailable",
                $"Could not obtain AWS credentials from {credentials.GetType().Name}: {e.Message}",
                null,
                null,
                AwsErrorKind.Retryable,
                e);
        }
    }

    private async Task<AWSCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _credentials) is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A failed resolution is not cached: the next call tries again (e.g. after a token file appears).
            _credentials ??= await _resolve(cancellationToken).ConfigureAwait(false);
            return _credentials;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static Func<CancellationToken, Task<AWSCredentials>> CreateResolver(AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Credentials is { } explicitCredentials)
        {
            return _ => Task.FromResult(explicitCredentials);
        }

        var hasKey = !string.IsNullOrWhiteSpace(options.AccessKeyId);
        var hasSecret = !string.IsNullOrWhiteSpace(options.SecretAccessKey);
        if (hasKey != hasSecret)
        {
            throw new AwsConfigurationException(
                "Static AWS credentials need both AccessKeyId and SecretAccessKey (only " +
                (hasKey ? "AccessKeyId" : "SecretAccessKey") + " is set)");
        }

        if (hasKey)
        {
            AWSCredentials fixedCredentials = string.IsNullOrWhiteSpace(options.SessionToken)
                ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
                : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken);
            return _ => Task.FromResult(fixedCredentials);
        }

        if (!string.IsNullOrWhiteSpace(options.Profile))
        {
            var profile = options.Profile.Trim();
            return _ => Task.FromResult(FromProfile(profile));
        }

        return DefaultChainAsync;
    }

    private static AWSCredentials FromProfile(string profile)
    {
        try
        {
            if (new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var credentials))
            {
                return credentials;
            }
        }
        catch (AmazonClientException e)
        {
            throw new AwsConfigurationException($"AWS profile '{profile}' has no usable credentials: {e.Message}", e);
        }

        throw new AwsConfigurationException(
            $"AWS profile '{profile}' was not found in the shared config/credentials files (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE)");
    }

    private static async Task<AWSCredentials> DefaultChainAsync(CancellationToken cancellationToken)
    {
        // Referencing the STS client keeps AWSSDK.SecurityToken a hard dependency: the SDK loads it by name for
        // web identity (IRSA) and role profiles, and would fail at run time if the assembly were trimmed away.
        _ = typeof(Amazon.SecurityToken.AmazonSecurityTokenServiceClient);
        try
        {
            return await new DefaultAWSCredentialsIdentityResolver()
                .ResolveIdentityAsync(clientConfig: null, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw new AwsConfigurationException(MissingCredentialsMessage + ". Details: " + FirstLines(e.Message), e);
        }
    }

    private static string FirstLines(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8));
}
