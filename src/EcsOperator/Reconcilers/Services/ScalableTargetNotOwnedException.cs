using EcsOperator.Aws.Transport;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// The service's scalable target carries another object's owner tag, so the operator must not change it. It is a
/// terminal <see cref="AwsServiceException"/> (code <see cref="Code"/>) so that a reconciler that classifies AWS
/// errors stalls without a hot loop; a reconciler that knows this type reports it as <c>Stalled/NotOwned</c>.
/// </summary>
public sealed class ScalableTargetNotOwnedException(string resourceId, string owner)
    : AwsServiceException(
        Code,
        // Never the other owner's tag value: it names another tenant's namespace and object (the log has it).
        $"the scalable target {resourceId} is owned by another object: remove spec.autoScaling or deregister that target",
        httpStatusCode: null,
        requestId: null,
        AwsErrorKind.Terminal)
{
    /// <summary>The error code of this exception.</summary>
    public const string Code = "ScalableTargetNotOwned";

    /// <summary>The scalable target's resource id, <c>service/&lt;cluster&gt;/&lt;service&gt;</c>.</summary>
    public string ResourceId { get; } = resourceId;

    /// <summary>The owner tag value the target carries: for the operator's log, never for a condition or event.</summary>
    public string Owner { get; } = owner;
}
