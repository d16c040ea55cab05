using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EcsOperator.Core.Hashing;

/// <summary>
/// The content hash of a translated ECS request. Equal for requests that mean the same to ECS (see
/// <see cref="CanonicalJson"/>), different otherwise; short enough to read in <c>kubectl get</c> and to store in a
/// tag, long enough (80 bits) that collisions do not happen in practice.
/// </summary>
public static class SpecHash
{
    private const int HexLength = 20;

    /// <summary>Hashes <paramref name="value"/> after serializing it with its source-generated type info.</summary>
    public static string Of<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var node = JsonSerializer.SerializeToNode(value, typeInfo);
        var canonical = CanonicalJson.ToCanonicalString(node, typeInfo);
        return OfCanonical(canonical);
    }

    /// <summary>Hashes canonical JSON text.</summary>
    public static string OfCanonical(string canonicalJson)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson));
        return Convert.ToHexStringLower(digest)[..HexLength];
    }
}
