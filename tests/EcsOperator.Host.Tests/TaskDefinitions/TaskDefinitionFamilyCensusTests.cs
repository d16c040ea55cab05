using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Hosting;
using EcsOperator.Reconcilers.TaskDefinitions;
using EcsOperator.Simulator;
using EcsOperator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.Host.Tests.TaskDefinitions;

/// <summary>The family census against the ECS simulator: taken only when it saves more lists than it costs pages.</summary>
public sealed class TaskDefinitionFamilyCensusTests
{
    private const string Census = "ecs:ListTaskDefinitionFamilies";
    private const string Prefix = "shop-";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task New_objects_trickling_in_list_their_own_family_and_a_burst_shares_one_census()
    {
        await using var sim = await EcsSimulator.StartAsync(new EcsSimulatorOptions(), Ct);
        await using var aws = SimulatorAwsClients.Create(sim.BaseAddress);
        var ecs = aws.GetRequiredService<IEcsApi>();
        // 250 families of the namespace already exist: a census is 3 pages of 100.
        for (var i = 0; i < 250; i++)
            await ecs.RegisterTaskDefinitionAsync(Family($"{Prefix}old{i:D3}"), Ct);
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var census = new TaskDefinitionFamilyCensus(new OperatorOptions { TaskDefinitionFamilyCensusMaxAge = Window }, time, NullLogger<TaskDefinitionFamilyCensus>.Instance);

        // The first caller knows no page count yet: it takes the census, which answers for its family and the old ones.
        Assert.True(await census.IsAbsentAsync(ecs, "p", Prefix, $"{Prefix}new0", Ct));
        Assert.False(await census.IsAbsentAsync(ecs, "p", Prefix, $"{Prefix}old007", Ct));
        Assert.Equal(3, sim.Calls[Census]);

        // One new object per window: a census would cost 3 pages to save 1 list, so each lists its own family.
        for (var w = 1; w <= 4; w++)
        {
            time.Advance(Window + TimeSpan.FromSeconds(1));
            Assert.False(await census.IsAbsentAsync(ecs, "p", Prefix, $"{Prefix}trickle{w}", Ct));
        }

        Assert.Equal(3, sim.Calls[Census]);

        // A burst in one window: the first two list, the third takes the census, the rest share it.
        time.Advance(Window + TimeSpan.FromSeconds(1));
        var answers = new List<bool>();
        for (var i = 0; i < 6; i++)
            answers.Add(await census.IsAbsentAsync(ecs, "p", Prefix, $"{Prefix}burst{i}", Ct));

        Assert.Equal([false, false, true, true, true, true], answers);
        Assert.Equal(6, sim.Calls[Census]);
    }

    [Fact]
    public async Task A_family_this_process_registered_is_never_absent_whatever_the_census_says()
    {
        await using var sim = await EcsSimulator.StartAsync(new EcsSimulatorOptions(), Ct);
        await using var aws = SimulatorAwsClients.Create(sim.BaseAddress);
        var ecs = aws.GetRequiredService<IEcsApi>();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var census = new TaskDefinitionFamilyCensus(new OperatorOptions { TaskDefinitionFamilyCensusMaxAge = Window }, time, NullLogger<TaskDefinitionFamilyCensus>.Instance);

        Assert.True(await census.IsAbsentAsync(ecs, "p", Prefix, $"{Prefix}web", Ct));
        census.Exists("p", $"{Prefix}web");

        Assert.False(await census.IsAbsentAsync(ecs, "p", Prefix, $"{Prefix}web", Ct));
        Assert.True(await census.IsAbsentAsync(ecs, "p", Prefix, $"{Prefix}api", Ct));
        Assert.Equal(1, sim.Calls[Census]);

        // Registered under one principal (an account) says nothing of another's: its own census answers.
        Assert.True(await census.IsAbsentAsync(ecs, "q", Prefix, $"{Prefix}web", Ct));
        Assert.Equal(2, sim.Calls[Census]);
    }

    private static RegisterTaskDefinitionRequest Family(string family) => new()
    {
        Family = family,
        ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = "nginx:1", Memory = 128 }],
    };
}
