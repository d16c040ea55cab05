using Amazon.Runtime.CredentialManagement;
using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.Credentials;

/// <summary>
/// Finds the AWS region: the option, AWS_REGION, AWS_DEFAULT_REGION, then the shared-config profile. Instance
/// metadata is deliberately not consulted: on EKS the region arrives through the environment (IRSA and Pod Identity
/// webhooks set it), and a silent metadata lookup would hide a missing setting.
/// </summary>
public static class AwsRegionResolver
{
    /// <summary>The message of the error when no region is configured.</summary>
    public const string MissingRegionMessage =
        "No AWS region: set --aws-region (AwsClientOptions.Region), AWS_REGION or AWS_DEFAULT_REGION, or a region in the AWS profile";

    /// <param name="optionRegion">The explicitly configured region, if any.</param>
    /// <param name="profileName">The profile to read a region from (null: AWS_PROFILE, then <c>default</c>).</param>
    /// <param name="environment">Reads an environment variable (tests pass a dictionary).</param>
    /// <param name="profileRegion">Reads a profile's region (null: the shared config and credentials files).</param>
    public static string Resolve(
        string? optionRegion,
        string? profileName,
        Func<string, string?> environment,
        Func<string, string?>? profileRegion = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var region = Clean(optionRegion) ?? Clean(environment("AWS_REGION")) ?? Clean(environment("AWS_DEFAULT_REGION"));
        if (region is null)
        {
            var profile = Clean(profileName) ?? Clean(environment("AWS_PROFILE")) ?? "default";
            region = Clean((profileRegion ?? SharedConfigRegion)(profile));
        }

        if (region is null)
        {
            throw new AwsConfigurationException(MissingRegionMessage);
        }

        if (!IsRegionName(region))
        {
            throw new AwsConfigurationException($"AWS region '{region}' is not a region name (expected e.g. eu-west-1)");
        }

        return region;
    }

    private static string? SharedConfigRegion(string profile)
    {
        try
        {
            return new CredentialProfileStoreChain().TryGetProfile(profile, out var found) ? found.Region?.SystemName : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            throw new AwsConfigurationException($"Could not read the AWS profile '{profile}' for its region: {e.Message}", e);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsRegionName(string region) =>
        region.Length <= 64 && region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
