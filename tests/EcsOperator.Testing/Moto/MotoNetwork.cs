using System.Xml.Linq;

namespace EcsOperator.Testing.Moto;

/// <summary>
/// Looks up the default subnet and security group moto's EC2 creates in each region: moto validates the awsvpc
/// network configuration of CreateService and RunTask against them, so invented IDs are rejected. EC2 speaks the
/// Query protocol, which our clients do not; moto ignores signatures and only reads the region from the
/// credential scope, so a plain form POST with that scope is enough here.
/// </summary>
public static class MotoNetwork
{
    /// <summary>The first default subnet and security group of eu-west-1 (moto creates them at start and on reset).</summary>
    public static Task<(string SubnetId, string SecurityGroupId)> DefaultsAsync(Uri endpoint, CancellationToken cancellationToken) =>
        DefaultsAsync(endpoint, "eu-west-1", cancellationToken);

    /// <summary>The first default subnet and security group of <paramref name="region"/>.</summary>
    public static async Task<(string SubnetId, string SecurityGroupId)> DefaultsAsync(Uri endpoint, string region, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var subnets = await QueryAsync(http, endpoint, region, "DescribeSubnets", cancellationToken).ConfigureAwait(false);
        var groups = await QueryAsync(http, endpoint, region, "DescribeSecurityGroups", cancellationToken).ConfigureAwait(false);
        var subnet = subnets.Descendants().First(e => e.Name.LocalName == "subnetId").Value;
        var group = groups.Descendants().First(e => e.Name.LocalName == "groupId").Value;
        return (subnet, group);
    }

    private static async Task<XDocument> QueryAsync(HttpClient http, Uri endpoint, string region, string action, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = action, ["Version"] = "2016-11-15" }),
        };
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential=testing/20240101/{region}/ec2/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }
}
