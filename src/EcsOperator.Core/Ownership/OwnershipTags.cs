using System.Security.Cryptography;
using System.Text;
using EcsOperator.Api;

namespace EcsOperator.Core.Ownership;

/// <summary>
/// The tags that mark an AWS resource as managed by one Kubernetes object, so that the operator never modifies or
/// deletes a resource someone else owns, and a restarted operator recognises what it already created.
/// </summary>
public static class OwnershipTags
{
    /// <summary>Tag key whose value is <c>&lt;cluster-id&gt;/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    public const string OwnerKey = ApiGroup.OwnerTagKey;

    /// <summary>Tag key on task-definition revisions: the spec hash the revision was registered for.</summary>
    public const string SpecHashKey = ApiGroup.SpecHashTagKey;

    /// <summary>ECS's limit on tag values.</summary>
    public const int MaxTagValueLength = 256;

    /// <summary>
    /// The owner tag value. A value that would exceed ECS's 256-character limit (long namespace and name) keeps its
    /// readable prefix and ends in a hash of the whole, so it stays unique and stable.
    /// </summary>
    public static string OwnerValue(string clusterId, string @namespace, string name)
    {
        var value = $"{clusterId}/{@namespace}/{name}";
        if (value.Length <= MaxTagValueLength)
            return value;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
        return $"{value[..(MaxTagValueLength - hash.Length - 1)]}~{hash}";
    }
}
