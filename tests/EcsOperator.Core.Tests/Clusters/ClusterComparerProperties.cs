using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Clusters;
using FsCheck;
using FsCheck.Fluent;

namespace EcsOperator.Core.Tests.Clusters;

public sealed class ClusterComparerProperties
{
    private static readonly Gen<CreateClusterRequest> Requests =
        from providers in Gen.SubListOf(new[] { "FARGATE", "FARGATE_SPOT", "asg-a" })
        from weights in Gen.ListOf(Gen.Elements<int?>(null, 0, 1, 4), providers.Count)
        from bases in Gen.ListOf(Gen.Elements<int?>(null, 0, 2), providers.Count)
        from insights in Gen.Elements<string?>(null, "disabled", "enabled", "enhanced")
        from tags in Gen.SubListOf(new[] { ("team", "shop"), ("env", "prod"), ("cost-center", "42") })
        select new CreateClusterRequest
        {
            ClusterName = "prod",
            CapacityProviders = providers.Count == 0 ? null : providers.ToList(),
            DefaultCapacityProviderStrategy = providers.Count == 0
                ? null
                : providers.Select((p, i) => new CapacityProviderStrategyItem { CapacityProvider = p, Weight = weights[i], Base = bases[i] }).ToList(),
            Settings = insights is null ? null : [new ClusterSetting { Name = "containerInsights", Value = insights }],
            Tags = tags.Select(t => new Tag { Key = t.Item1, Value = t.Item2 }).Append(new Tag { Key = "ecs.operator.dev/owner", Value = "c/platform/prod" }).ToList(),
        };

    [Fact]
    public void A_cluster_created_from_any_spec_is_in_sync()
    {
        Prop.ForAll(Requests.ToArbitrary(), request =>
        {
            var comparison = ClusterComparer.Compare(request, ClusterTests.Described(request));
            Assert.True(comparison.InSync, string.Join("; ", comparison.Differences));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_cluster_with_another_spec_s_state_is_brought_back_by_the_planned_calls()
    {
        Prop.ForAll(Requests.Two().ToArbitrary(), pair =>
        {
            var (desired, other) = pair;
            var live = ClusterTests.Described(other);
            var comparison = ClusterComparer.Compare(desired, live);

            // Apply what the comparison asks for, as ECS would.
            var applied = live;
            if (comparison.Update?.Settings is { } settings)
                applied = applied with { Settings = settings.Where(s => s.Value != "disabled").ToList() };
            if (comparison.PutCapacityProviders is { } put)
            {
                applied = applied with
                {
                    CapacityProviders = put.CapacityProviders,
                    DefaultCapacityProviderStrategy = put.DefaultCapacityProviderStrategy!.Select(i => i with { Base = i.Base ?? 0, Weight = i.Weight ?? 0 }).ToList(),
                };
            }

            var tags = (applied.Tags ?? []).ToDictionary(t => t.Key!, t => t.Value);
            foreach (var tag in comparison.TagResource?.Tags ?? [])
                tags[tag.Key!] = tag.Value;
            applied = applied with { Tags = tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() };

            var again = ClusterComparer.Compare(desired, applied);
            Assert.True(again.InSync, string.Join("; ", again.Differences));
            Assert.Contains(applied.Tags!, t => t.Key == "aws:cloudformation:stack-name");
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
