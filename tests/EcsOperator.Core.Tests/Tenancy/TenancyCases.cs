using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Api.Tenancy;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Tenancy;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Core.Tests.Tenancy;

/// <summary>Objects of the four kinds in namespace <c>shop</c>, and the policy the tests hold them to.</summary>
internal static class TenancyCases
{
    public const string TenantNamespace = "shop";
    public const string OwnRole = "arn:aws:iam::111122223333:role/teams/shop/web-task";
    public const string ForeignRole = "arn:aws:iam::111122223333:role/teams/payments/admin";

    /// <summary>As deploy/tenancy/tenant-policy-example.yaml: the namespace's own <c>shop_</c> families and clusters.</summary>
    public static EcsTenantPolicySpec ShopPolicy => new()
    {
        NamespaceSelector = new NamespaceSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "shop" } },
        AwsRoleArn = "arn:aws:iam::111122223333:role/ecs-operator-tenants/shop",
        AllowedRoleArns = ["arn:aws:iam::111122223333:role/teams/shop/*"],
        AllowedClusters = ["shop_*"],
        TaskDefinitionFamilyPrefix = "shop_",
        AllowedTargetGroupArns = ["arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/shop-*"],
        AllowedSecretArnPrefixes = ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/"],
        MaxDesiredCount = 10,
        MaxCapacity = 20,
    };

    public static NamespaceTenancy Policy(EcsTenantPolicySpec? spec = null) => TenantPolicyResolver.Resolve(
        TenantNamespace,
        new Dictionary<string, string> { ["team"] = "shop" },
        [new EcsTenantPolicy { Metadata = new ObjectMeta { Name = "shop" }, Spec = spec ?? ShopPolicy }],
        TenancyMode.Strict);

    public static NamespaceTenancy NoPolicy(TenancyMode mode) =>
        TenantPolicyResolver.Resolve(TenantNamespace, new Dictionary<string, string>(), [], mode);

    public static ObjectMeta Meta(string name) => new() { Name = name, Namespace = TenantNamespace };

    public static ContainerDefinition WebContainer => new() { Name = "web", Image = "nginx" };

    public static EcsTaskDefinition TaskDefinition(Func<EcsTaskDefinitionSpec, EcsTaskDefinitionSpec>? change = null)
    {
        var spec = new EcsTaskDefinitionSpec { Family = "shop_web", ContainerDefinitions = [WebContainer] };
        return new EcsTaskDefinition { Metadata = Meta("web"), Spec = change?.Invoke(spec) ?? spec };
    }

    public static EcsService Service(Func<EcsServiceSpec, EcsServiceSpec>? change = null)
    {
        var spec = new EcsServiceSpec { Cluster = "shop_prod", TaskDefinitionRef = new() { Name = "web" }, DesiredCount = 2 };
        return new EcsService { Metadata = Meta("web"), Spec = change?.Invoke(spec) ?? spec };
    }

    public static EcsService ServiceWithTemplate(Func<TaskDefinitionTemplate, TaskDefinitionTemplate> change) => Service(s => s with
    {
        TaskDefinitionRef = null,
        TaskDefinitionTemplate = change(new TaskDefinitionTemplate { ContainerDefinitions = [WebContainer] }),
    });

    public static EcsTask Task(Func<EcsTaskSpec, EcsTaskSpec>? change = null)
    {
        var spec = new EcsTaskSpec { Cluster = "shop_prod", TaskDefinitionRef = new() { Name = "migrate" } };
        return new EcsTask { Metadata = Meta("migrate"), Spec = change?.Invoke(spec) ?? spec };
    }

    public static EcsCluster Cluster(Func<EcsClusterSpec, EcsClusterSpec>? change = null)
    {
        var spec = new EcsClusterSpec { ClusterName = "shop_prod" };
        return new EcsCluster { Metadata = Meta("prod"), Spec = change?.Invoke(spec) ?? spec };
    }

    /// <summary>
    /// Every role-bearing field of every kind: its path (as the evaluator names it) and an object with
    /// <c>role</c> in that field and nothing else the policy could object to.
    /// </summary>
    public static IReadOnlyList<(string Path, Func<string, IKubernetesObject> Build)> RoleFields { get; } =
    [
        ("EcsTaskDefinition spec.taskRoleArn", role => TaskDefinition(s => s with { TaskRoleArn = role })),
        ("EcsTaskDefinition spec.executionRoleArn", role => TaskDefinition(s => s with { ExecutionRoleArn = role })),
        ("EcsService spec.taskDefinitionTemplate.taskRoleArn", role => ServiceWithTemplate(t => t with { TaskRoleArn = role })),
        ("EcsService spec.taskDefinitionTemplate.executionRoleArn", role => ServiceWithTemplate(t => t with { ExecutionRoleArn = role })),
        ("EcsService spec.role", role => Service(s => s with { Role = role })),
        ("EcsService spec.loadBalancers[0].advancedConfiguration.roleArn", role => Service(s => s with
        {
            LoadBalancers = [new LoadBalancer { AdvancedConfiguration = new AdvancedConfiguration { RoleArn = role } }],
        })),
        ("EcsService spec.deploymentConfiguration.lifecycleHooks[0].roleArn", role => Service(s => s with
        {
            DeploymentConfiguration = new DeploymentConfiguration { LifecycleHooks = [new DeploymentLifecycleHook { RoleArn = role }] },
        })),
        ("EcsService spec.volumeConfigurations[0].managedEBSVolume.roleArn", role => Service(s => s with
        {
            VolumeConfigurations = [new ServiceVolumeConfiguration { Name = "data", ManagedEBSVolume = new ServiceManagedEBSVolumeConfiguration { RoleArn = role } }],
        })),
        ("EcsService spec.vpcLatticeConfigurations[0].roleArn", role => Service(s => s with
        {
            VpcLatticeConfigurations = [new VpcLatticeConfiguration { RoleArn = role }],
        })),
        ("EcsService spec.serviceConnectConfiguration.services[0].tls.roleArn", role => Service(s => s with
        {
            ServiceConnectConfiguration = new ServiceConnectConfiguration { Services = [new ServiceConnectService { Tls = new ServiceConnectTlsConfiguration { RoleArn = role } }] },
        })),
        ("EcsTask spec.overrides.taskRoleArn", role => Task(s => s with { Overrides = new TaskOverride { TaskRoleArn = role } })),
        ("EcsTask spec.overrides.executionRoleArn", role => Task(s => s with { Overrides = new TaskOverride { ExecutionRoleArn = role } })),
        ("EcsTask spec.volumeConfigurations[0].managedEBSVolume.roleArn", role => Task(s => s with
        {
            VolumeConfigurations = [new TaskVolumeConfiguration { Name = "data", ManagedEBSVolume = new TaskManagedEBSVolumeConfiguration { RoleArn = role } }],
        })),
    ];
}
