using System.Text.Json.Nodes;

namespace EcsOperator.Api.Crds;

/// <summary>
/// Upper bounds for every string, list and map a user can write (the spec), where the C# property carries no
/// [MaxLength]/[Length] of its own: the AWS shapes we embed live in EcsOperator.Aws.Model and are bounded here, by
/// the path of the field. Bounded input keeps a hostile or runaway object from costing the API server, the
/// operator and the CEL cost estimator unbounded work; the bounds follow ECS's documented limits where ECS documents
/// one (botocore's ECS model: Tags ≤ 50, TagKey ≤ 128, TagValue ≤ 256; the ECS API reference: names and image
/// ≤ 255, placement expressions ≤ 2000, ≤ 10 placement constraints, ≤ 5 placement strategies, ≤ 16 subnets, ≤ 5
/// security groups, ≤ 5 load balancers, ≤ 20 capacity-provider strategy items; IAM: ARNs ≤ 2048) and otherwise a
/// generous default sized against the 64 KiB limit of a registered task definition.
/// </summary>
public static class InputBounds
{
    /// <summary>A free-form string with no documented ECS limit (identifiers, short values).</summary>
    public const int DefaultMaxLength = 1024;

    /// <summary>A value in a free-form map (Docker labels, log driver options).</summary>
    public const int DefaultMapValueMaxLength = 4096;

    /// <summary>A list with no documented ECS limit.</summary>
    public const int DefaultMaxItems = 100;

    /// <summary>A free-form map with no documented ECS limit.</summary>
    public const int DefaultMaxProperties = 100;

    /// <summary>Long free text ECS bounds only by the 64 KiB task-definition total: commands, variable values.</summary>
    public const int TaskDefinitionText = 32 * 1024;

    /// <summary>ARNs (IAM allows 2048 characters), and fields that take an ARN or a name.</summary>
    public const int ArnMaxLength = 2048;

    /// <summary>Bounds by path suffix (json names; [] is a list item, {} a map value). The longest matching suffix wins.</summary>
    private static readonly Dictionary<string, int> BySuffix = new(StringComparer.Ordinal)
    {
        // Strings.
        ["name"] = 255,
        ["containerName"] = 255,
        ["sourceVolume"] = 255,
        ["sourceContainer"] = 255,
        ["portName"] = 255,
        ["discoveryName"] = 255,
        ["image"] = 255,
        ["hostname"] = 255,
        ["dnsName"] = 255,
        ["capacityProvider"] = 255,
        ["capacityProviders[]"] = 255,
        ["tags[].key"] = 128,
        ["tags[].value"] = 256,
        ["expression"] = 2000,
        ["cloudWatchLogGroupName"] = 512,
        ["s3BucketName"] = 63,
        ["kmsKey"] = ArnMaxLength,
        ["kmsKeyId"] = ArnMaxLength,
        ["fargateEphemeralStorageKmsKeyId"] = ArnMaxLength,
        ["valueFrom"] = ArnMaxLength,
        ["credentialsParameter"] = ArnMaxLength,
        ["environment[].value"] = TaskDefinitionText,
        ["command[]"] = TaskDefinitionText,
        ["entryPoint[]"] = TaskDefinitionText,
        ["containerPath"] = 4096,
        ["hostPath"] = 4096,
        ["sourcePath"] = 4096,
        ["rootDirectory"] = 4096,
        ["workingDirectory"] = 4096,

        // Lists.
        ["tags"] = 50,
        ["environment"] = 1000,
        ["secrets"] = 500,
        ["command"] = 256,
        ["entryPoint"] = 256,
        ["placementConstraints"] = 10,
        ["placementStrategy"] = 5,
        ["loadBalancers"] = 5,
        ["subnets"] = 16,
        ["securityGroups"] = 5,
        ["capacityProviderStrategy"] = 20,
        ["defaultCapacityProviderStrategy"] = 20,
        ["dimensions"] = 30,
        ["metrics"] = 10,
    };

    /// <summary>
    /// Adds the missing maxLength / maxItems / maxProperties to a property's schema (and to its scalar items or map
    /// values). Objects inside lists are bounded field by field as their own properties are generated.
    /// </summary>
    public static void Apply(JsonObject schema, string where)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(where);
        switch (schema["type"]?.GetValue<string>())
        {
            case "string" when !schema.ContainsKey("maxLength"):
                schema["maxLength"] = StringLimit(where);
                break;
            case "array":
                if (!schema.ContainsKey("maxItems"))
                {
                    schema["maxItems"] = Lookup(where) ?? DefaultMaxItems;
                }

                if (schema["items"] is JsonObject items && items["type"]?.GetValue<string>() == "string")
                {
                    Apply(items, where + "[]");
                }

                break;
            case "object" when schema["additionalProperties"] is JsonObject values:
                if (!schema.ContainsKey("maxProperties"))
                {
                    schema["maxProperties"] = Lookup(where) ?? DefaultMaxProperties;
                }

                if (values["type"]?.GetValue<string>() == "string" && !values.ContainsKey("maxLength"))
                {
                    values["maxLength"] = Lookup(where + "{}") ?? DefaultMapValueMaxLength;
                }

                break;
        }
    }

    private static int StringLimit(string where)
    {
        if (Lookup(where) is { } known)
        {
            return known;
        }

        var name = where[(where.LastIndexOf('.') + 1)..].TrimEnd('[', ']');
        return name.EndsWith("Arn", StringComparison.Ordinal) || name.EndsWith("ARN", StringComparison.Ordinal) || name.EndsWith("Arns", StringComparison.Ordinal)
            ? ArnMaxLength
            : DefaultMaxLength;
    }

    private static int? Lookup(string where)
    {
        string? best = null;
        foreach (var suffix in BySuffix.Keys)
        {
            if (where.EndsWith("." + suffix, StringComparison.Ordinal) && (best is null || suffix.Length > best.Length))
            {
                best = suffix;
            }
        }

        return best is null ? null : BySuffix[best];
    }
}
