using System.Text.RegularExpressions;

namespace EcsOperator.Deploy.Tests.Iam;

/// <summary>
/// The checked-in copy of AWS's Service Authorization Reference for ecs, application-autoscaling and iam
/// (ServiceAuthorization/README.md says where it came from): per action, the resource types it is authorized against
/// and the condition keys it supports.
/// </summary>
public sealed class ServiceAuthorizationReference
{
    public static readonly string Directory = Path.Combine(RepoPaths.Root, "tests", "EcsOperator.Deploy.Tests", "Iam", "ServiceAuthorization");

    public static readonly string[] Services = ["ecs", "application-autoscaling", "iam"];

    private readonly Dictionary<string, ReferenceAction> actions = new(StringComparer.OrdinalIgnoreCase);

    private ServiceAuthorizationReference()
    {
    }

    public static ServiceAuthorizationReference Load()
    {
        var reference = new ServiceAuthorizationReference();
        foreach (var service in Services)
        {
            var actions = Read("actions", service);
            var resourceTypes = Read("resourceTypes", service);
            foreach (var (_, node) in actions)
            {
                var name = node!["name"]!.GetValue<string>();
                var types = node["resourceTypes"]!.AsArray().Select(t =>
                {
                    var typeName = t!["name"]!.GetValue<string>();
                    var definition = resourceTypes[typeName.ToLowerInvariant()]
                        ?? throw new InvalidOperationException($"{service}:{name} names resource type {typeName}, which {service}'s resourceTypes lacks");
                    return new ReferenceResourceType(typeName, t["required"]!.GetValue<bool>(), definition["arn"]!.GetValue<string>(),
                        Strings(t["conditionKeys"]).Concat(Strings(definition["conditionKeys"])).ToList());
                }).ToList();
                reference.actions[$"{service}:{name}"] = new ReferenceAction($"{service}:{name}", types, Strings(node["conditionKeys"]));
            }
        }

        return reference;
    }

    /// <summary>The reference's entry for <paramref name="action"/> (service:Name), or null when AWS does not list it.</summary>
    public ReferenceAction? Find(string action) => actions.GetValueOrDefault(action);

    private static JsonObject Read(string kind, string service) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, kind, service + ".json")))!.AsObject();

    private static IReadOnlyList<string> Strings(JsonNode? node) => node?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
}

/// <summary>One action of the reference.</summary>
public sealed record ReferenceAction(string Name, IReadOnlyList<ReferenceResourceType> ResourceTypes, IReadOnlyList<string> ActionConditionKeys)
{
    /// <summary>No resource type: IAM authorizes the action against "*" only.</summary>
    public bool HasResourceTypes => ResourceTypes.Count > 0;

    /// <summary>
    /// Whether the reference lists <paramref name="key"/> for this action, at the action or on one of its resource
    /// types. Templates such as aws:ResourceTag/${TagKey} match any tag key; keys compare case-insensitively as in IAM.
    /// </summary>
    public bool Supports(string key) =>
        ActionConditionKeys.Concat(ResourceTypes.SelectMany(t => t.ConditionKeys)).Any(template => Matches(template, key));

    /// <summary>The resource types whose ARN format <paramref name="resourcePattern"/> (an IAM Resource element) fits.</summary>
    public IEnumerable<ReferenceResourceType> TypesOf(string resourcePattern) => ResourceTypes.Where(t => t.Fits(resourcePattern));

    private static bool Matches(string template, string key) =>
        Regex.IsMatch(key, "^" + Regex.Replace(Regex.Escape(template), @"\\\$\\\{[A-Za-z]+}", ".+") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}

/// <summary>A resource type an action is authorized against, with its ARN format and condition keys.</summary>
public sealed record ReferenceResourceType(string Name, bool Required, string ArnFormat, IReadOnlyList<string> ConditionKeys)
{
    /// <summary>
    /// Whether an IAM Resource pattern fits this ARN format: literal parts equal, each ${Placeholder} filled by one
    /// segment (wildcards, policy variables and &lt;placeholders&gt; included) that does not cross ':' or '/', except
    /// placeholders whose value may itself contain '/' (role paths, scalable-target resource ids).
    /// </summary>
    public bool Fits(string resourcePattern)
    {
        var regex = Regex.Replace(Regex.Escape(ArnFormat), @"\\\$\\\{([A-Za-z]+)}", m => m.Groups[1].Value switch
        {
            "Partition" => "(aws|aws-cn|aws-us-gov|\\*)",
            "RoleNameWithPath" or "ResourceId" => ".+",
            _ => "(\\$\\{[^}]+}|[^:/])+",
        });
        return Regex.IsMatch(resourcePattern, "^" + regex + "$", RegexOptions.CultureInvariant);
    }
}
