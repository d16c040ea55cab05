using System.Security.Cryptography;
using System.Text;

namespace EcsOperator.Aws.Principals;

/// <summary>
/// The RoleSessionName of a namespace's session: <c>ecs-operator-&lt;namespace&gt;</c>, so CloudTrail shows which
/// namespace made each call. STS allows 2-64 characters of <c>[\w+=,.@-]</c>; a namespace name (63 characters of
/// <c>[a-z0-9-]</c>) can be longer than fits, and is then cut and suffixed with a hash so it stays unique.
/// </summary>
public static class RoleSessionName
{
    private const string Prefix = "ecs-operator-";
    private const int MaxLength = 64;

    public static string For(string @namespace)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        var clean = new string([.. @namespace.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-' ? c : '-')]);
        var name = Prefix + clean;
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(@namespace)))[..8];
        return name[..(MaxLength - hash.Length - 1)] + "-" + hash;
    }
}
