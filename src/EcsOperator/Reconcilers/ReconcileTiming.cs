using EcsOperator.Aws.Transport;

namespace EcsOperator.Reconcilers;

/// <summary>What every reconciler decides the same way: when to look again, and which AWS refusals are about permissions.</summary>
internal static class ReconcileTiming
{
    /// <summary>The interval plus up to 10% jitter, so objects created together do not resync together.</summary>
    public static TimeSpan Jittered(TimeSpan interval) => interval * (1 + (Random.Shared.NextDouble() * 0.1));

    /// <summary>Whether an AWS refusal means the operator's credentials lack a permission (Stalled/AccessDenied).</summary>
    public static bool IsAccessDenied(AwsServiceException error) => IsAccessDenied(error.ErrorCode);

    /// <summary>Whether an AWS error code means the operator's credentials lack a permission.</summary>
    public static bool IsAccessDenied(string code) =>
        code is "AccessDeniedException" or "AccessDenied" or "UnauthorizedOperation" or "UnrecognizedClientException";
}
