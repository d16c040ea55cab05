using EcsOperator.Aws.Principals;
using EcsOperator.Core.Tenancy;

namespace EcsOperator.Hosting;

/// <summary>The install-time tenancy setting (<c>--tenancy</c>).</summary>
public sealed class TenancyOptions
{
    /// <summary>Strict or open for namespaces without a policy; null reads no policies (single-namespace install).</summary>
    public TenancyMode? Mode { get; set; }

    /// <summary>Session duration, refresh margin and STS endpoint of the namespace roles.</summary>
    public AssumedRoleOptions Roles { get; set; } = new();
}
