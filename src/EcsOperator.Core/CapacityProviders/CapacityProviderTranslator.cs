using System.Security.Cryptography;
using System.Text;
using EcsOperator.Api.CapacityProviders;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Ownership;

namespace EcsOperator.Core.CapacityProviders;

/// <summary>Turns an EcsCapacityProvider into the CreateCapacityProvider request it stands for.</summary>
public static class CapacityProviderTranslator
{
    private const int MaxNameLength = 255;

    /// <summary>Prefixes ECS refuses at the start of a capacity provider name (any case).</summary>
    public static IReadOnlyList<string> ReservedPrefixes { get; } = ["aws", "ecs", "fargate"];

    /// <summary>The ECS capacity provider name: <c>spec.name</c>, else <see cref="DefaultName"/>.</summary>
    public static string Name(EcsCapacityProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.Spec.Name ?? DefaultName(
            provider.Metadata.Namespace ?? throw new ArgumentException("the EcsCapacityProvider has no namespace", nameof(provider)),
            provider.Metadata.Name ?? throw new ArgumentException("the EcsCapacityProvider has no name", nameof(provider)));
    }

    /// <summary>
    /// <c>&lt;namespace&gt;-&lt;name&gt;</c> (dots become hyphens), because capacity provider names are unique per account
    /// and Region, not per namespace; prefixed <c>cp-</c> when it would start with a prefix ECS reserves (a namespace
    /// such as <c>ecs-apps</c>), and cut with a hash suffix beyond 255 characters. The rare collisions this allows
    /// (<c>a-b/c</c> vs <c>a/b-c</c>) are caught by the owner tag: a provider owned by another object is NotOwned.
    /// </summary>
    public static string DefaultName(string @namespace, string name)
    {
        var candidate = $"{@namespace}-{name}".Replace('.', '-');
        if (IsReserved(candidate))
            candidate = "cp-" + candidate;
        if (candidate.Length <= MaxNameLength)
            return candidate;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)))[..12];
        return $"{candidate[..(MaxNameLength - hash.Length - 1)]}-{hash}";
    }

    /// <summary>Whether ECS refuses <paramref name="name"/> for its prefix.</summary>
    public static bool IsReserved(string name) =>
        ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <param name="provider">The EcsCapacityProvider.</param>
    /// <param name="ownerTagValue">The value of the ownership tag (<see cref="OwnershipTags.OwnerValue"/>).</param>
    public static CreateCapacityProviderRequest ToCreateRequest(EcsCapacityProvider provider, string ownerTagValue)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrEmpty(ownerTagValue);
        var spec = provider.Spec;
        return new CreateCapacityProviderRequest
        {
            Name = Name(provider),
            AutoScalingGroupProvider = spec.AutoScalingGroupProvider,
            // The owner tag always wins over a spec tag of the same key: it is how the operator recognises its provider.
            Tags = (spec.Tags ?? [])
                .Where(t => t.Key != OwnershipTags.OwnerKey)
                .Append(new Tag { Key = OwnershipTags.OwnerKey, Value = ownerTagValue })
                .ToList(),
        };
    }
}
