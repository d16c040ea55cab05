using Amazon.Runtime;
using EcsOperator.Aws.Resilience;

namespace EcsOperator.Aws;

/// <summary>
/// How the operator reaches ECS and Application Auto Scaling. Everything is optional: region and credentials fall
/// back to the usual AWS environment (AWS_REGION, AWS_PROFILE, IRSA, EKS Pod Identity, instance roles).
/// </summary>
public sealed class AwsClientOptions
{
    /// <summary>AWS region, e.g. <c>eu-west-1</c>. Falls back to AWS_REGION, AWS_DEFAULT_REGION, then the profile's region.</summary>
    public string? Region { get; set; }

    /// <summary>Shared-config profile for region and credentials. Falls back to AWS_PROFILE, then <c>default</c>.</summary>
    public string? Profile { get; set; }

    /// <summary>ECS endpoint override (moto, the simulator, a VPC endpoint). Falls back to AWS_ENDPOINT_URL_ECS, AWS_ENDPOINT_URL.</summary>
    public Uri? EcsEndpoint { get; set; }

    /// <summary>Application Auto Scaling endpoint override. Falls back to AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING, AWS_ENDPOINT_URL.</summary>
    public Uri? ApplicationAutoScalingEndpoint { get; set; }

    /// <summary>Static access key id; together with <see cref="SecretAccessKey"/> replaces the default credential chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>Static secret access key (see <see cref="AccessKeyId"/>).</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>Optional session token for static temporary credentials.</summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// Credentials object to use instead of the default chain (takes precedence over the static keys). Refreshing
    /// credentials are asked on every call, so their own pre-expiry refresh applies.
    /// </summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>Retries, per-attempt timeout and total budget.</summary>
    public AwsRetryOptions Retry { get; set; } = new();

    /// <summary>Client-side token buckets that keep the operator under ECS's API throttling limits.</summary>
    public AwsRateLimitOptions RateLimits { get; set; } = new();
}
