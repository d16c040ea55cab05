namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The response of the <c>DeleteScheduledAction</c> operation.
/// </summary>
public sealed record DeleteScheduledActionResponse
{
}
