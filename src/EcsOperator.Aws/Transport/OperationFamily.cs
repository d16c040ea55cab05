namespace EcsOperator.Aws.Transport;

/// <summary>
/// Groups operations that share a client-side rate limit, mirroring how ECS throttles: reads (Describe/List)
/// have far higher limits than mutations, and RunTask has its own.
/// </summary>
public enum OperationFamily
{
    Read,
    Mutate,
    RunTask,
}
