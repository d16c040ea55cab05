namespace EcsOperator.Aws.Transport;

/// <summary>
/// One operation of an AWS JSON 1.1 API: where it goes (signing name, target prefix) and which client-side rate
/// limit it draws from.
/// </summary>
/// <param name="Service">The service the operation belongs to.</param>
/// <param name="Name">The operation name as in the API reference, e.g. <c>DescribeServices</c>.</param>
/// <param name="Family">The throttling bucket the operation shares with its kin.</param>
public sealed record AwsOperation(AwsService Service, string Name, OperationFamily Family)
{
    /// <summary>
    /// Whether sending the same request twice has the effect of sending it once (a read, a call with a client token,
    /// a create that answers with the existing resource). False for RegisterTaskDefinition: every call registers a
    /// new revision, so an attempt whose answer was lost must not be repeated blindly.
    /// </summary>
    public bool Idempotent { get; init; } = true;

    /// <summary>The <c>X-Amz-Target</c> header value.</summary>
    public string Target => $"{Service.TargetPrefix}.{Name}";
}
