using System.ComponentModel.DataAnnotations;
using System.ComponentModel;
using EcsOperator.Aws.Model;

namespace EcsOperator.Api.Tenancy;

/// <summary>
/// What the selected namespaces may do. Everything is refused unless allowed here: an absent list allows nothing,
/// an absent flag is false, an absent limit is no limit. Patterns match a whole value; <c>*</c> matches any run of
/// characters (also <c>/</c> and <c>:</c>), as in IAM's StringLike, e.g. <c>arn:aws:iam::111122223333:role/teams/shop/*</c>.
/// </summary>
public sealed record EcsTenantPolicySpec
{
    /// <summary>
    /// The namespaces this policy covers, by their labels (<c>{}</c>: every namespace). A namespace selected by more
    /// than one policy is refused ("ambiguous policy") until the admin fixes the selectors.
    /// </summary>
    [Required]
    public required NamespaceSelector NamespaceSelector { get; init; }

    /// <summary>
    /// The IAM role the operator assumes (sts:AssumeRole, session tag <c>k8s-namespace=&lt;namespace&gt;</c>) for every
    /// AWS call it makes for objects in these namespaces. Absent: the operator's own role, which is refused unless
    /// the operator runs with <c>--tenancy=open</c>.
    /// </summary>
    [SchemaMaxLength(2048)]
    [RegularExpression("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$")]
    public string? AwsRoleArn { get; init; }

    /// <summary>
    /// Role ARN patterns every role-bearing field may name: taskRoleArn, executionRoleArn (also in
    /// taskDefinitionTemplate and EcsTask overrides), the service's role, loadBalancers[].advancedConfiguration.roleArn,
    /// deploymentConfiguration.lifecycleHooks[].roleArn, volumeConfigurations[].managedEBSVolume.roleArn,
    /// vpcLatticeConfigurations[].roleArn and serviceConnectConfiguration.services[].tls.roleArn.
    /// </summary>
    [SchemaMaxLength(64)]
    public IReadOnlyList<string>? AllowedRoleArns { get; init; }

    /// <summary>
    /// Cluster name (or ARN) patterns that <c>cluster</c>, an EcsCluster's name and the implicit <c>default</c> cluster
    /// must match. A <c>clusterRef</c> is not checked here: the EcsCluster it names is checked itself.
    /// </summary>
    [SchemaMaxLength(64)]
    public IReadOnlyList<string>? AllowedClusters { get; init; }

    /// <summary>
    /// The prefix every task-definition family registered or run from these namespaces must start with. Absent:
    /// <c>&lt;namespace&gt;_</c>, the prefix of the operator's default family names.
    /// </summary>
    [SchemaMaxLength(255)]
    [RegularExpression("^[a-zA-Z0-9_-]*$")]
    public string? TaskDefinitionFamilyPrefix { get; init; }

    /// <summary>
    /// Whether EcsService and EcsTask may name a task definition the operator does not manage
    /// (<c>taskDefinition: family:revision</c> or an ARN); its family must still start with the family prefix.
    /// </summary>
    [DefaultValue(false)]
    public bool AllowExternalTaskDefinitions { get; init; }

    /// <summary>Whether <c>adoptionPolicy: Adopt</c> (taking over untagged ECS services and clusters) is allowed.</summary>
    [DefaultValue(false)]
    public bool AllowAdoption { get; init; }

    /// <summary>
    /// Target group ARN patterns for loadBalancers[].targetGroupArn, loadBalancers[].advancedConfiguration.alternateTargetGroupArn
    /// and vpcLatticeConfigurations[].targetGroupArn.
    /// </summary>
    [SchemaMaxLength(64)]
    public IReadOnlyList<string>? AllowedTargetGroupArns { get; init; }

    /// <summary>
    /// Prefixes of the Secrets Manager / SSM ARNs (or parameter names) that secrets[].valueFrom,
    /// logConfiguration.secretOptions[].valueFrom and repositoryCredentials.credentialsParameter may name.
    /// </summary>
    [SchemaMaxLength(64)]
    public IReadOnlyList<string>? AllowedSecretArnPrefixes { get; init; }

    /// <summary>Whether containers may set <c>privileged: true</c>.</summary>
    [DefaultValue(false)]
    public bool AllowPrivileged { get; init; }

    /// <summary>Whether task definitions may use the host's namespaces: <c>networkMode: host</c>, <c>pidMode: host</c>, <c>ipcMode: host</c>.</summary>
    [DefaultValue(false)]
    public bool AllowHostNamespaces { get; init; }

    /// <summary>The largest <c>desiredCount</c> an EcsService may ask for (absent: no limit).</summary>
    [Range(0, int.MaxValue)]
    public int? MaxDesiredCount { get; init; }

    /// <summary>The largest <c>autoScaling.maxCapacity</c> an EcsService may ask for (absent: no limit).</summary>
    [Range(0, int.MaxValue)]
    public int? MaxCapacity { get; init; }
}
