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
    /// <summary>The <c>X-Amz-Target</c> header value.</summary>
    public string Target => $"{Service.TargetPrefix}.{Name}";
}
