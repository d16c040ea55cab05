namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// An object representing the elastic network interface for tasks that use the awsvpc network mode.
/// </summary>
public sealed record NetworkInterface
{
    public string? AttachmentId { get; init; }

    public string? PrivateIpv4Address { get; init; }

    public string? Ipv6Address { get; init; }
}
