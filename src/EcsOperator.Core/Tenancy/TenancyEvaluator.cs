using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Arns;
using EcsOperator.Core.Clusters;
using EcsOperator.Core.TaskDefinitions;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Core.Tenancy;

/// <summary>
/// Checks an object against its namespace's tenancy rules before any AWS call: every role-bearing field, cluster,
/// task-definition family, external task definition, adoption, target group, secret reference, privileged and host
/// mode, and size limit. Pure; the same rules as the admission policy in deploy/tenancy, which catches them earlier
/// (this catches objects created before a policy existed, or with admission off).
/// </summary>
public static class TenancyEvaluator
{
    /// <summary>The Stalled reason for an object the tenancy rules refuse.</summary>
    public const string ForbiddenReason = ConditionReasons.Forbidden;

    /// <summary>The violations of <paramref name="obj"/> (one of the reconciled kinds); empty when it may proceed.</summary>
    public static IReadOnlyList<TenancyViolation> Evaluate(NamespaceTenancy tenancy, IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(tenancy);
        ArgumentNullException.ThrowIfNull(obj);
        if (tenancy.Refusal is { } refusal)
        {
            return [new TenancyViolation("metadata.namespace", refusal)];
        }

        if (tenancy.Rules is not { } rules)
        {
            return [];
        }

        var check = new Checker(rules, tenancy.PolicyName);
        switch (obj)
        {
            case EcsTaskDefinition taskDefinition:
                check.Family("spec.family", TaskDefinitionFamilies.Of(taskDefinition, tenancy.Namespace),
                    TaskDefinitionFamilies.EarlierDefaultOf(taskDefinition, tenancy.Namespace) is null
                        ? null
                        : TaskDefinitionFamilies.ForTaskDefinition(tenancy.Namespace, taskDefinition.Metadata.Name ?? string.Empty));
                check.Template("spec", taskDefinition.Spec);
                break;
            case EcsService service:
                CheckService(check, service, tenancy.Namespace);
                break;
            case EcsCluster cluster:
                check.Cluster("spec.clusterName", ClusterTranslator.ClusterName(cluster));
                check.Adoption("spec.adoptionPolicy", cluster.Spec.AdoptionPolicy);
                break;
            case EcsTask task:
                CheckTask(check, task.Spec);
                break;
            case EcsCapacityProvider provider:
                // Only adoption: a provider's name and Auto Scaling group are not (yet) policy fields.
                check.Adoption("spec.adoptionPolicy", provider.Spec.AdoptionPolicy);
                break;
            default:
                throw new ArgumentException($"{obj.GetType().Name} is not one of the operator's kinds", nameof(obj));
        }

        return check.Violations;
    }

    /// <summary>The Stalled message: every violation, field first.</summary>
    public static string Message(IReadOnlyList<TenancyViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return "refused by tenancy policy: " + string.Join("; ", violations);
    }

    private static void CheckService(Checker check, EcsService service, string @namespace)
    {
        var spec = service.Spec;
        check.ClusterReference("spec.cluster", spec.Cluster, spec.ClusterRef is not null);
        check.ExternalTaskDefinition("spec.taskDefinition", spec.TaskDefinition);
        if (spec.TaskDefinitionTemplate is { } template)
        {
            check.Family("spec.taskDefinitionTemplate.family", TaskDefinitionFamilies.OfInlineTemplate(service, @namespace)!,
                TaskDefinitionFamilies.EarlierDefaultOf(service, @namespace) is null
                    ? null
                    : TaskDefinitionFamilies.ForInlineTemplate(@namespace, service.Metadata.Name ?? string.Empty));
            check.Template("spec.taskDefinitionTemplate", template);
        }

        check.Role("spec.role", spec.Role);
        foreach (var (balancer, i) in Indexed(spec.LoadBalancers))
        {
            check.TargetGroup($"spec.loadBalancers[{i}].targetGroupArn", balancer.TargetGroupArn);
            check.TargetGroup($"spec.loadBalancers[{i}].advancedConfiguration.alternateTargetGroupArn", balancer.AdvancedConfiguration?.AlternateTargetGroupArn);
            check.Role($"spec.loadBalancers[{i}].advancedConfiguration.roleArn", balancer.AdvancedConfiguration?.RoleArn);
        }

        foreach (var (hook, i) in Indexed(spec.DeploymentConfiguration?.LifecycleHooks))
        {
            check.Role($"spec.deploymentConfiguration.lifecycleHooks[{i}].roleArn", hook.RoleArn);
        }

        foreach (var (volume, i) in Indexed(spec.VolumeConfigurations))
        {
            check.Role($"spec.volumeConfigurations[{i}].managedEBSVolume.roleArn", volume.ManagedEBSVolume?.RoleArn);
        }

        foreach (var (lattice, i) in Indexed(spec.VpcLatticeConfigurations))
        {
            check.Role($"spec.vpcLatticeConfigurations[{i}].roleArn", lattice.RoleArn);
            check.TargetGroup($"spec.vpcLatticeConfigurations[{i}].targetGroupArn", lattice.TargetGroupArn);
        }

        if (spec.ServiceConnectConfiguration is { } serviceConnect)
        {
            foreach (var (connectService, i) in Indexed(serviceConnect.Services))
            {
                check.Role($"spec.serviceConnectConfiguration.services[{i}].tls.roleArn", connectService.Tls?.RoleArn);
            }

            check.Secrets("spec.serviceConnectConfiguration.logConfiguration.secretOptions", serviceConnect.LogConfiguration?.SecretOptions);
        }

        check.Adoption("spec.adoptionPolicy", spec.AdoptionPolicy);
        check.AtMost("spec.desiredCount", spec.DesiredCount, check.Rules.MaxDesiredCount, "maxDesiredCount");
        check.AtMost("spec.autoScaling.maxCapacity", spec.AutoScaling?.MaxCapacity, check.Rules.MaxCapacity, "maxCapacity");
    }

    private static void CheckTask(Checker check, EcsTaskSpec spec)
    {
        check.ClusterReference("spec.cluster", spec.Cluster, spec.ClusterRef is not null);
        check.ExternalTaskDefinition("spec.taskDefinition", spec.TaskDefinition);
        check.Role("spec.overrides.taskRoleArn", spec.Overrides?.TaskRoleArn);
        check.Role("spec.overrides.executionRoleArn", spec.Overrides?.ExecutionRoleArn);
        foreach (var (volume, i) in Indexed(spec.VolumeConfigurations))
        {
            check.Role($"spec.volumeConfigurations[{i}].managedEBSVolume.roleArn", volume.ManagedEBSVolume?.RoleArn);
        }
    }

    private static IEnumerable<(T Item, int Index)> Indexed<T>(IReadOnlyList<T>? items) =>
        (items ?? []).Select((item, i) => (item, i));

    private sealed class Checker(TenantRules rules, string? policyName)
    {
        private readonly List<TenancyViolation> _violations = [];

        public TenantRules Rules => rules;

        public IReadOnlyList<TenancyViolation> Violations => _violations;

        private string Source => policyName is null
            ? "the strict default for namespaces without an EcsTenantPolicy"
            : $"EcsTenantPolicy {policyName}";

        public void Template(string path, TaskDefinitionTemplate template)
        {
            Role($"{path}.taskRoleArn", template.TaskRoleArn);
            Role($"{path}.executionRoleArn", template.ExecutionRoleArn);
            HostMode($"{path}.networkMode", template.NetworkMode);
            HostMode($"{path}.pidMode", template.PidMode);
            HostMode($"{path}.ipcMode", template.IpcMode);
            foreach (var (container, i) in Indexed(template.ContainerDefinitions))
            {
                var at = $"{path}.containerDefinitions[{i}]";
                if (container.Privileged == true && !rules.AllowPrivileged)
                {
                    Add($"{at}.privileged", "privileged containers are not allowed (allowPrivileged)");
                }

                Secrets($"{at}.secrets", container.Secrets);
                Secrets($"{at}.logConfiguration.secretOptions", container.LogConfiguration?.SecretOptions);
                Secret($"{at}.repositoryCredentials.credentialsParameter", container.RepositoryCredentials?.CredentialsParameter);
            }

            foreach (var (volume, i) in Indexed(template.Volumes))
            {
                Secret($"{path}.volumes[{i}].fsxWindowsFileServerVolumeConfiguration.authorizationConfig.credentialsParameter",
                    volume.FsxWindowsFileServerVolumeConfiguration?.AuthorizationConfig?.CredentialsParameter);
            }
        }

        public void Role(string path, string? arn)
        {
            if (!string.IsNullOrEmpty(arn) && !GlobPattern.MatchesAny(rules.AllowedRoleArns, arn))
            {
                Add(path, $"role {arn} is not in allowedRoleArns of {Source}");
            }
        }

        public void TargetGroup(string path, string? arn)
        {
            if (!string.IsNullOrEmpty(arn) && !GlobPattern.MatchesAny(rules.AllowedTargetGroupArns, arn))
            {
                Add(path, $"target group {arn} is not in allowedTargetGroupArns of {Source}");
            }
        }

        public void Secrets(string path, IReadOnlyList<Secret>? secrets)
        {
            foreach (var (secret, i) in Indexed(secrets))
            {
                Secret($"{path}[{i}].valueFrom", secret.ValueFrom);
            }
        }

        public void Secret(string path, string? reference)
        {
            if (!string.IsNullOrEmpty(reference)
                && !rules.AllowedSecretArnPrefixes.Any(prefix => prefix.Length > 0 && reference.StartsWith(prefix, StringComparison.Ordinal)))
            {
                Add(path, $"secret {reference} does not start with any of allowedSecretArnPrefixes of {Source}");
            }
        }

        /// <param name="path">The field named in a violation.</param>
        /// <param name="family">The family the object registers under or runs.</param>
        /// <param name="currentDefault">
        /// Set only when <paramref name="family"/> is the object's own earlier default, kept from its status (which tenants
        /// cannot write): it also passes when the object's current default would, so an upgrade does not orphan its
        /// revisions, yet a prefix an admin chose to exclude the defaults excludes it too. Names a user chose get no such
        /// grace.
        /// </param>
        public void Family(string path, string family, string? currentDefault = null)
        {
            var prefix = rules.TaskDefinitionFamilyPrefix;
            if (!family.StartsWith(prefix, StringComparison.Ordinal) && currentDefault?.StartsWith(prefix, StringComparison.Ordinal) != true)
            {
                var remedy = policyName is null
                    ? $"name a family that starts with '{prefix}', or have an admin select this namespace with an EcsTenantPolicy whose taskDefinitionFamilyPrefix allows it"
                    : $"name a family that starts with '{prefix}', or have an admin change taskDefinitionFamilyPrefix of EcsTenantPolicy {policyName}";
                Add(path, $"task-definition family {family} does not start with '{prefix}' (taskDefinitionFamilyPrefix of {Source}); {remedy}");
            }
        }

        public void ExternalTaskDefinition(string path, string? reference)
        {
            if (string.IsNullOrEmpty(reference))
            {
                return;
            }

            if (!rules.AllowExternalTaskDefinitions)
            {
                Add(path, $"task definitions the operator does not manage are not allowed (allowExternalTaskDefinitions of {Source}); use taskDefinitionRef");
                return;
            }

            Family(path, EcsNames.TaskDefinitionFamily(reference));
        }

        public void ClusterReference(string path, string? cluster, bool hasClusterRef)
        {
            if (hasClusterRef)
            {
                return; // the referenced EcsCluster is in this namespace and checked itself
            }

            Cluster(path, string.IsNullOrEmpty(cluster) ? "default" : cluster);
        }

        public void Cluster(string path, string cluster)
        {
            if (!GlobPattern.MatchesAny(rules.AllowedClusters, cluster)
                && !GlobPattern.MatchesAny(rules.AllowedClusters, EcsNames.ClusterName(cluster)))
            {
                var remedy = policyName is null
                    ? $"use a cluster that matches {string.Join(" or ", rules.AllowedClusters)}, or have an admin select this namespace with an EcsTenantPolicy whose allowedClusters allow it"
                    : $"use a cluster that allowedClusters allow, or have an admin add it to EcsTenantPolicy {policyName}";
                Add(path, $"cluster {cluster} is not in allowedClusters of {Source}; {remedy}");
            }
        }

        public void Adoption(string path, AdoptionPolicy policy)
        {
            if (policy == AdoptionPolicy.Adopt && !rules.AllowAdoption)
            {
                Add(path, $"adopting existing AWS resources is not allowed (allowAdoption of {Source})");
            }
        }

        public void AtMost(string path, int? value, int? limit, string rule)
        {
            if (value is { } v && limit is { } max && v > max)
            {
                Add(path, $"{v} is more than {max} ({rule} of {Source})");
            }
        }

        private void HostMode(string path, string? mode)
        {
            if (mode == "host" && !rules.AllowHostNamespaces)
            {
                Add(path, $"host mode is not allowed (allowHostNamespaces of {Source})");
            }
        }

        private void Add(string path, string rule) => _violations.Add(new TenancyViolation(path, rule));
    }
}
