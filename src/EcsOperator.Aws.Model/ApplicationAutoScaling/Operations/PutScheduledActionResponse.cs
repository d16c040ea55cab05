namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The response of the <c>PutScheduledAction</c> operation.
/// </summary>
public sealed record PutScheduledActionResponse
{
}
