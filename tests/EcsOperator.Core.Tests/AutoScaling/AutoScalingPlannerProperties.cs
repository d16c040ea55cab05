using EcsOperator.Api.Services;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using FsCheck;
using FsCheck.Fluent;

namespace EcsOperator.Core.Tests.AutoScaling;

public sealed class AutoScalingPlannerProperties
{
    private static readonly Gen<TargetTrackingPolicy> TargetTracking =
        from name in Gen.Elements("cpu", "memory", "requests", "custom")
        from value in Gen.Elements(40.0, 50.5, 60.0, 1000.0)
        from scaleIn in Gen.Elements<int?>(null, 0, 60, 300)
        from scaleOut in Gen.Elements<int?>(null, 30, 300)
        from disable in Gen.Elements<bool?>(null, true, false)
        select name switch
        {
            "custom" => new TargetTrackingPolicy
            {
                Name = name,
                CustomizedMetricSpecification = new CustomizedMetricSpecification
                {
                    MetricName = "QueueDepth",
                    Namespace = "Shop",
                    Statistic = "Average",
                    Dimensions = [new MetricDimension { Name = "Queue", Value = "orders" }, new MetricDimension { Name = "Env", Value = "prod" }],
                },
                TargetValue = value,
                ScaleInCooldown = scaleIn,
                ScaleOutCooldown = scaleOut,
                DisableScaleIn = disable,
            },
            _ => new TargetTrackingPolicy
            {
                Name = name,
                PredefinedMetric = name switch
                {
                    "cpu" => "ECSServiceAverageCPUUtilization",
                    "memory" => "ECSServiceAverageMemoryUtilization",
                    _ => "ALBRequestCountPerTarget",
                },
                ResourceLabel = name == "requests" ? "app/shop/1/targetgroup/web/2" : null,
                TargetValue = value,
                ScaleInCooldown = scaleIn,
                ScaleOutCooldown = scaleOut,
                DisableScaleIn = disable,
            },
        };

    private static readonly Gen<StepScalingPolicy> Step =
        from name in Gen.Elements("up", "down")
        from adjustment in Gen.Choose(-3, 3)
        from cooldown in Gen.Elements<int?>(null, 60, 300)
        from aggregation in Gen.Elements<string?>(null, "Average", "Maximum")
        select new StepScalingPolicy
        {
            Name = name,
            StepScalingPolicyConfiguration = new StepScalingPolicyConfiguration
            {
                AdjustmentType = "ChangeInCapacity",
                Cooldown = cooldown,
                MetricAggregationType = aggregation,
                StepAdjustments = [new StepAdjustment { MetricIntervalLowerBound = 0, ScalingAdjustment = adjustment }],
            },
        };

    private static readonly Gen<ScheduledScaling> Scheduled =
        from name in Gen.Elements("morning", "night", "weekend")
        from schedule in Gen.Elements("cron(0 8 * * ? *)", "rate(1 day)", "at(2027-01-01T00:00:00)")
        from timezone in Gen.Elements<string?>(null, "UTC", "Europe/Berlin")
        from min in Gen.Elements<int?>(null, 1, 3)
        from max in Gen.Elements<int?>(null, 5, 8)
        from end in Gen.Elements<DateTimeOffset?>(null, new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero))
        select new ScheduledScaling
        {
            Name = name,
            Schedule = schedule,
            Timezone = timezone,
            MinCapacity = min ?? (max is null ? 1 : null),
            MaxCapacity = max,
            EndTime = end,
        };

    private static Gen<IReadOnlyList<T>?> DistinctByName<T>(Gen<T> gen, Func<T, string> name) =>
        from items in Gen.ListOf(gen)
        let distinct = items.DistinctBy(name).ToList()
        select distinct.Count == 0 ? null : (IReadOnlyList<T>?)distinct;

    private static readonly Gen<ServiceAutoScaling?> Specs =
        from present in Gen.Frequency((1, Gen.Constant(false)), (6, Gen.Constant(true)))
        from min in Gen.Choose(0, 5)
        from extra in Gen.Choose(0, 10)
        from targetTracking in DistinctByName(TargetTracking, p => p.Name)
        from step in DistinctByName(Step, p => p.Name)
        from scheduled in DistinctByName(Scheduled, s => s.Name)
        select present
            ? new ServiceAutoScaling { MinCapacity = min, MaxCapacity = min + extra, TargetTracking = targetTracking, StepScaling = step, Scheduled = scheduled }
            : null;

    [Fact]
    public void Applying_the_plan_to_any_live_state_leaves_nothing_to_do()
    {
        Prop.ForAll(Specs.Two().ToArbitrary(), specs =>
        {
            var before = specs.Item1;
            var after = specs.Item2;
            var live = AasState.Empty.Apply(AasState.Empty.Plan(before));
            var next = live.Apply(live.Plan(after));
            var again = next.Plan(after);
            Assert.True(again.IsInSync, $"still differs: {string.Join(", ", again.Differences)} for {after}");
            Assert.True(after is not null || (next.Target is null && next.Policies.Count == 0 && next.Actions.Count == 0), "autoscaling removed but something is left");
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_plan_only_touches_the_service_s_own_target()
    {
        Prop.ForAll(Specs.Two().ToArbitrary(), specs =>
        {
            var live = AasState.Empty.Apply(AasState.Empty.Plan(specs.Item1));
            return live.Plan(specs.Item2).InExecutionOrder.All(r => r switch
            {
                RegisterScalableTargetRequest x => x.ResourceId == "service/prod/web",
                PutScalingPolicyRequest x => x.ResourceId == "service/prod/web",
                DeleteScalingPolicyRequest x => x.ResourceId == "service/prod/web",
                PutScheduledActionRequest x => x.ResourceId == "service/prod/web",
                DeleteScheduledActionRequest x => x.ResourceId == "service/prod/web",
                DeregisterScalableTargetRequest x => x.ResourceId == "service/prod/web",
                _ => false,
            });
        }).QuickCheckThrowOnFailure();
    }
}
