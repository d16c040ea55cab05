using System.Security.Cryptography;
using System.Text;

namespace EcsOperator.Aws.Tests.Transport;

/// <summary>
/// An independent SigV4 computation (straight from the AWS specification) to check what the SDK signer produced.
/// Only handles what the JSON protocol uses: path "/", no query string.
/// </summary>
internal static class SigV4Check
{
    public static string Signature(
        string method,
        string path,
        IReadOnlyList<(string Name, string Value)> signedHeaders,
        byte[] body,
        string amzDate,
        string region,
        string service,
        string secretKey)
    {
        var headers = signedHeaders
            .Select(h => (Name: h.Name.ToLowerInvariant(), Value: string.Join(' ', h.Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var canonicalRequest = string.Join('\n',
            method,
            path,
            "",
            string.Concat(headers.Select(h => $"{h.Name}:{h.Value}\n")),
            string.Join(';', headers.Select(h => h.Name)),
            Hex(SHA256.HashData(body)));
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
