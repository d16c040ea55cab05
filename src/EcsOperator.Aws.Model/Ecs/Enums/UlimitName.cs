namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>UlimitName</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class UlimitName
{
    public const string Core = "core";
    public const string Cpu = "cpu";
    public const string Data = "data";
    public const string Fsize = "fsize";
    public const string Locks = "locks";
    public const string Memlock = "memlock";
    public const string Msgqueue = "msgqueue";
    public const string Nice = "nice";
    public const string Nofile = "nofile";
    public const string Nproc = "nproc";
    public const string Rss = "rss";
    public const string Rtprio = "rtprio";
    public const string Rttime = "rttime";
    public const string Sigpending = "sigpending";
    public const string Stack = "stack";
}
