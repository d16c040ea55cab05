namespace EcsOperator.Aws.Transport;

/// <summary>Where requests for a service go: an explicit override, the AWS_ENDPOINT_URL* variables, or the regional endpoint.</summary>
public static class AwsEndpoints
{
    /// <summary>
    /// The default public endpoint, e.g. <c>https://ecs.eu-west-1.amazonaws.com</c>; the DNS suffix follows the
    /// region's partition (China, ISO regions).
    /// </summary>
    public static Uri Default(AwsService service, string region)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return new Uri($"https://{service.EndpointPrefix}.{region}.{DnsSuffix(region)}/");
    }

    /// <summary>The partition DNS suffix of a region.</summary>
    public static string DnsSuffix(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region switch
        {
            _ when region.StartsWith("cn-", StringComparison.Ordinal) => "amazonaws.com.cn",
            _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "sc2s.sgov.gov",
            _ when region.StartsWith("us-isof-", StringComparison.Ordinal) => "csp.hci.ic.gov",
            _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "c2s.ic.gov",
            _ when region.StartsWith("eu-isoe-", StringComparison.Ordinal) => "cloud.adc-e.uk",
            _ => "amazonaws.com", // aws and aws-us-gov partitions
        };
    }

    /// <summary>
    /// Resolves the endpoint: <paramref name="overrideEndpoint"/>, then <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then
    /// <c>AWS_ENDPOINT_URL</c>, then <see cref="Default"/>.
    /// </summary>
    public static Uri Resolve(AwsService service, string region, Uri? overrideEndpoint, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(environment);
        if (overrideEndpoint is not null)
        {
            return Validate(overrideEndpoint, $"the {service.SigningName} endpoint option");
        }

        var serviceVariable = "AWS_ENDPOINT_URL_" + service.SigningName.ToUpperInvariant().Replace('-', '_');
        foreach (var variable in new[] { serviceVariable, "AWS_ENDPOINT_URL" })
        {
            var value = environment(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri))
                {
                    throw new AwsConfigurationException($"{variable}='{value}' is not an absolute URL (expected e.g. http://127.0.0.1:5000)");
                }

                return Validate(uri, variable);
            }
        }

        return Default(service, region);
    }

    private static Uri Validate(Uri endpoint, string source)
    {
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new AwsConfigurationException($"{source} must be an absolute http(s) URL (got '{endpoint}')");
        }

        return endpoint;
    }
}
