using System.Globalization;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.Arns;
using EcsOperator.Core.Ownership;

namespace EcsOperator.Reconcilers.TaskDefinitions;

/// <summary>
/// The task-definition revisions an owner registered, found by their owner and spec-hash tags: shared by the
/// EcsTaskDefinition reconciler and the EcsService reconciler's inline <c>taskDefinitionTemplate</c>, so that both
/// reuse the revision a previous run registered instead of registering a duplicate, and retire only their own.
/// </summary>
public sealed class OwnedRevisions(IEcsApi ecs)
{
    private static readonly string[] IncludeTags = ["TAGS"];

    /// <summary>
    /// Newest first, stops at the first ACTIVE revision tagged with this owner and hash. Revisions in
    /// <paramref name="known"/> (already known as ours) need no call; the latest revision carrying another owner means
    /// the family is not ours.
    /// </summary>
    public async Task<RevisionScan> FindOwnedAsync(IReadOnlyList<string> activeArns, IReadOnlyDictionary<int, TaskDefinitionRevision> known,
        string specHash, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activeArns);
        ArgumentNullException.ThrowIfNull(known);
        var owned = new List<TaskDefinitionRevision>();
        var newestFirst = activeArns.Select(a => (Arn: a, Revision: EcsNames.TaskDefinitionRevision(a))).Where(x => x.Revision is not null).OrderByDescending(x => x.Revision).ToList();
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var (arn, revision) = newestFirst[i];
            if (known.TryGetValue(revision!.Value, out var entry))
            {
                if (entry.SpecHash == specHash)
                    return new RevisionScan(entry, owned, null);
                continue;
            }

            var described = await DescribeAsync(arn, cancellationToken);
            if (described is null)
                continue;
            var tagOwner = Tag(described.Tags, OwnershipTags.OwnerKey);
            if (tagOwner != owner)
            {
                if (i == 0)
                    return new RevisionScan(null, owned, tagOwner ?? string.Empty);
                continue;
            }

            var found = new TaskDefinitionRevision
            {
                Revision = revision.Value,
                TaskDefinitionArn = described.TaskDefinition?.TaskDefinitionArn ?? arn,
                SpecHash = Tag(described.Tags, OwnershipTags.SpecHashKey),
                RegisteredAt = described.TaskDefinition?.RegisteredAt,
            };
            owned.Add(found);
            if (found.SpecHash == specHash)
                return new RevisionScan(found, owned, null);
        }

        return new RevisionScan(null, owned, null);
    }

    /// <summary>Revisions of <paramref name="family"/> in <paramref name="status"/> that are in <paramref name="known"/> or tagged with <paramref name="owner"/>.</summary>
    public async Task<IReadOnlyList<int>> OwnedAsync(string family, string status, string owner, IReadOnlySet<int> known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(known);
        var owned = new List<int>();
        foreach (var arn in await ListAsync(family, status, cancellationToken))
        {
            if (EcsNames.TaskDefinitionRevision(arn) is not { } revision)
                continue;
            if (known.Contains(revision) || Tag((await DescribeAsync(arn, cancellationToken))?.Tags, OwnershipTags.OwnerKey) == owner)
                owned.Add(revision);
        }

        return owned;
    }

    /// <summary>The ARNs of <paramref name="family"/>'s revisions in <paramref name="status"/> (ACTIVE or INACTIVE), newest first.</summary>
    public Task<IReadOnlyList<string>> ListAsync(string family, string status, CancellationToken cancellationToken) =>
        ecs.ListAllTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = family, Status = status, Sort = "DESC" }, cancellationToken);

    /// <summary>The revision with its tags; null when it no longer exists.</summary>
    public async Task<DescribeTaskDefinitionResponse?> DescribeAsync(string arn, CancellationToken cancellationToken)
    {
        try
        {
            return await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = arn, Include = IncludeTags }, cancellationToken);
        }
        catch (AwsServiceException e) when (e.Kind == AwsErrorKind.NotFound)
        {
            return null; // deleted between list and describe
        }
    }

    public async Task DeregisterAsync(string familyRevision, CancellationToken cancellationToken)
    {
        try
        {
            await ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = familyRevision }, cancellationToken);
        }
        catch (AwsServiceException e) when (e.Kind == AwsErrorKind.NotFound)
        {
            // already gone: what we wanted
        }
    }

    public async Task DeleteAsync(string family, IReadOnlyList<int> revisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        // DeleteTaskDefinitions takes at most 10 per call; per-revision failures (e.g. already deleting) are harmless.
        foreach (var batch in revisions.Chunk(10))
        {
            await ecs.DeleteTaskDefinitionsAsync(new DeleteTaskDefinitionsRequest
            {
                TaskDefinitions = batch.Select(r => $"{family}:{r.ToString(CultureInfo.InvariantCulture)}").ToList(),
            }, cancellationToken);
        }
    }

    private static string? Tag(IReadOnlyList<Tag>? tags, string key) => tags?.FirstOrDefault(t => t.Key == key)?.Value;
}
