using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>Tagging of clusters, services, task definitions, tasks and capacity providers.</summary>
internal sealed partial class EcsApi
{
    private JsonObject TagResource(JsonObject request)
    {
        var target = TagsOf(Json.RequiredStr(request, "resourceArn"));
        if (Json.Arr(request, "tags") is null)
        {
            throw AwsErrorException.InvalidParameter("tags can not be null.");
        }

        var added = ReadTags(request);
        var merged = target.Copy();
        foreach (var tag in added.Items)
        {
            merged.Set(tag.Key, tag.Value);
        }

        if (merged.Count > 50)
        {
            throw new AwsErrorException("LimitExceededException", "A resource can have at most 50 tags.");
        }

        foreach (var tag in added.Items)
        {
            target.Set(tag.Key, tag.Value);
        }

        return [];
    }

    private JsonObject UntagResource(JsonObject request)
    {
        var target = TagsOf(Json.RequiredStr(request, "resourceArn"));
        if (Json.Arr(request, "tagKeys") is null)
        {
            throw AwsErrorException.InvalidParameter("tagKeys can not be null.");
        }

        foreach (var key in Json.Strings(request, "tagKeys"))
        {
            target.Remove(key);
        }

        return [];
    }

    private JsonObject ListTagsForResource(JsonObject request)
    {
        var target = TagsOf(Json.RequiredStr(request, "resourceArn"));
        return new JsonObject { ["tags"] = RenderTags(target) };
    }

    /// <summary>The tag set of the resource an ARN names; ECS-style errors for bad or unknown ARNs.</summary>
    private SimTags TagsOf(string arn)
    {
        var prefix = _state.Prefix("ecs");
        if (!arn.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw AwsErrorException.InvalidParameter("The ARN provided is invalid.");
        }

        var rest = arn[prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            throw AwsErrorException.InvalidParameter("The ARN provided is invalid.");
        }

        var kind = rest[..slash];
        var path = rest[(slash + 1)..];
        switch (kind)
        {
            case "cluster":
                return _state.Clusters.TryGetValue(path, out var cluster) && cluster.Status == "ACTIVE"
                    ? cluster.Tags
                    : throw AwsErrorException.ClusterNotFound();
            case "service":
                return _state.Services.TryGetValue(path, out var service) && service.Status != "INACTIVE"
                    ? service.Tags
                    : throw new AwsErrorException("ResourceNotFoundException", "The specified resource could not be found.");
            case "task-definition":
                return FindTaskDefinition(arn) is { } td
                    ? td.Tags
                    : throw AwsErrorException.Client("Unable to describe task definition.");
            case "task":
                return _state.Tasks.TryGetValue(arn, out var task)
                    ? task.Tags
                    : throw new AwsErrorException("ResourceNotFoundException", "The specified resource could not be found.");
            case "capacity-provider":
                return _state.CapacityProviders.TryGetValue(path, out var provider) && provider.Status == "ACTIVE"
                    ? provider.Tags
                    : throw new AwsErrorException("ResourceNotFoundException", "The specified resource could not be found.");
            default:
                throw AwsErrorException.InvalidParameter("The ARN provided is invalid.");
        }
    }
}
