using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Ownership;
using EcsOperator.Core.TaskDefinitions;
using FsCheck;
using FsCheck.Fluent;

namespace EcsOperator.Core.Tests.TaskDefinitions;

public sealed class TaskDefinitionContentTests
{
    private static RegisterTaskDefinitionRequest Web => new()
    {
        Family = "shop-web",
        NetworkMode = "awsvpc",
        RequiresCompatibilities = ["FARGATE"],
        Cpu = "512",
        Memory = "1024",
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/exec",
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "web",
                Image = "shop/web:1.4.2",
                PortMappings = [new PortMapping { ContainerPort = 8080 }],
                Environment = [new NameValuePair { Name = "MODE", Value = "prod" }, new NameValuePair { Name = "LOG", Value = "info" }],
                Secrets = [new Secret { Name = "DB", ValueFrom = "/shop/db" }],
            },
            new ContainerDefinition { Name = "log-router", Image = "amazon/aws-for-fluent-bit:stable", Essential = false },
        ],
        Volumes = [new Volume { Name = "data", EfsVolumeConfiguration = new EFSVolumeConfiguration { FileSystemId = "fs-1" } }],
    };

    [Fact]
    public void Explicit_defaults_and_vcpu_forms_hash_like_omitted_ones()
    {
        var explicitDefaults = Web with
        {
            Cpu = "0.5 vCPU",
            Memory = "1 GB",
            ContainerDefinitions =
            [
                Web.ContainerDefinitions![0] with
                {
                    Essential = true,
                    PortMappings = [new PortMapping { ContainerPort = 8080, HostPort = 8080, Protocol = "tcp" }],
                },
                Web.ContainerDefinitions[1],
            ],
            Volumes = [new Volume { Name = "data", EfsVolumeConfiguration = new EFSVolumeConfiguration { FileSystemId = "fs-1", RootDirectory = "/", TransitEncryption = "DISABLED" } }],
        };
        Assert.Equal(TaskDefinitionContent.Hash(Web), TaskDefinitionContent.Hash(explicitDefaults));
    }

    [Fact]
    public void Container_and_environment_order_do_not_change_the_hash_but_an_image_does()
    {
        var reordered = Web with
        {
            ContainerDefinitions =
            [
                Web.ContainerDefinitions![1],
                Web.ContainerDefinitions[0] with { Environment = Web.ContainerDefinitions[0].Environment!.Reverse().ToList() },
            ],
        };
        Assert.Equal(TaskDefinitionContent.Hash(Web), TaskDefinitionContent.Hash(reordered));

        var newImage = Web with { ContainerDefinitions = [Web.ContainerDefinitions![0] with { Image = "shop/web:1.4.3" }, Web.ContainerDefinitions[1]] };
        Assert.NotEqual(TaskDefinitionContent.Hash(Web), TaskDefinitionContent.Hash(newImage));
    }

    [Fact]
    public void Operator_tags_do_not_change_the_hash_but_user_tags_do()
    {
        var withOwner = Web with { Tags = [new Tag { Key = OwnershipTags.OwnerKey, Value = "c/ns/web" }, new Tag { Key = OwnershipTags.SpecHashKey, Value = "abc" }] };
        Assert.Equal(TaskDefinitionContent.Hash(Web), TaskDefinitionContent.Hash(withOwner));
        Assert.NotEqual(TaskDefinitionContent.Hash(Web), TaskDefinitionContent.Hash(Web with { Tags = [new Tag { Key = "team", Value = "shop" }] }));
    }

    [Fact]
    public void A_revision_registered_from_the_request_has_no_differences()
    {
        var (registered, tags) = Register(Web);
        Assert.Empty(TaskDefinitionContent.Differences(Web, registered, tags));
    }

    [Fact]
    public void A_revision_with_another_image_or_an_extra_role_differs_by_that_field()
    {
        var (registered, tags) = Register(Web with { TaskRoleArn = "arn:aws:iam::123456789012:role/app" });
        Assert.Equal(["taskRoleArn"], TaskDefinitionContent.Differences(Web, registered, tags));

        var (otherImage, otherTags) = Register(Web with { ContainerDefinitions = [Web.ContainerDefinitions![0] with { Image = "shop/web:2" }, Web.ContainerDefinitions[1]] });
        var difference = Assert.Single(TaskDefinitionContent.Differences(Web, otherImage, otherTags));
        Assert.StartsWith("containerDefinitions[", difference, StringComparison.Ordinal);
        Assert.EndsWith("].image", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_generated_task_definition_matches_the_revision_registered_from_it()
    {
        var containers = from name in Gen.Elements("web", "api", "sidecar", "log")
                         from image in Gen.Elements("a:1", "b:2", "c:latest")
                         from port in Gen.Elements<int?>(null, 80, 8080)
                         from essential in Gen.Elements<bool?>(null, true, false)
                         from env in Gen.SubListOf(new[] { "A", "B", "C" })
                         select new ContainerDefinition
                         {
                             Name = name,
                             Image = image,
                             Essential = essential,
                             PortMappings = port is null ? null : [new PortMapping { ContainerPort = port }],
                             Environment = env.Select(e => new NameValuePair { Name = e, Value = e.ToLowerInvariant() }).ToList(),
                         };
        var requests = from list in Gen.NonEmptyListOf(containers)
                       from mode in Gen.Elements<string?>(null, "awsvpc", "bridge", "host")
                       from cpu in Gen.Elements<string?>(null, "256", "1 vCPU")
                       select new RegisterTaskDefinitionRequest
                       {
                           Family = "f",
                           NetworkMode = mode,
                           Cpu = cpu,
                           ContainerDefinitions = list.DistinctBy(c => c.Name).ToList(),
                       };
        Prop.ForAll(requests.ToArbitrary(), request =>
        {
            var (registered, tags) = Register(request);
            return TaskDefinitionContent.Differences(request, registered, tags).Count == 0;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>DescribeTaskDefinition after RegisterTaskDefinition, as ECS reports it: defaults and bookkeeping added.</summary>
    private static (TaskDefinition, IReadOnlyList<Tag>?) Register(RegisterTaskDefinitionRequest request)
    {
        var node = JsonSerializer.SerializeToNode(request, EcsJsonContext.Default.RegisterTaskDefinitionRequest)!.AsObject();
        node.Remove("tags");
        node["taskDefinitionArn"] = $"arn:aws:ecs:eu-west-1:123456789012:task-definition/{request.Family}:1";
        node["revision"] = 1;
        node["status"] = "ACTIVE";
        node["compatibilities"] = new JsonArray("EC2", "FARGATE");
        node["requiresAttributes"] = new JsonArray(new JsonObject { ["name"] = "com.amazonaws.ecs.capability.docker-remote-api.1.18" });
        node["networkMode"] ??= "bridge";
        if (request.Cpu is not null)
            node["cpu"] = request.Cpu == "1 vCPU" ? "1024" : request.Cpu;
        foreach (var container in node["containerDefinitions"]!.AsArray().Cast<JsonObject>())
        {
            container["cpu"] ??= 0;
            container["essential"] ??= true;
            container["environment"] ??= new JsonArray();
            container["mountPoints"] = new JsonArray();
            container["volumesFrom"] = new JsonArray();
            container["systemControls"] = new JsonArray();
            foreach (var mapping in (container["portMappings"] as JsonArray ?? []).Cast<JsonObject>())
            {
                mapping["protocol"] ??= "tcp";
                mapping["hostPort"] ??= request.NetworkMode is "awsvpc" or "host" ? mapping["containerPort"]!.GetValue<int>() : 0;
            }
        }

        return (node.Deserialize(EcsJsonContext.Default.TaskDefinition)!, request.Tags);
    }
}
