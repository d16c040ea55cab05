using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Principals;
using EcsOperator.Aws.Transport;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Reconcilers.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// An EcsService's AWS calls go out as its namespace's principal (issue 12 item 2): the host's
/// <see cref="IAwsClientsForNamespace"/> is replaced by one that hands each namespace its own recorded clients, and the
/// operator's own ECS and Application Auto Scaling clients are recorded too.
/// </summary>
public sealed class ServicePrincipalTests
{
    private const string Cluster = "default";
    private const string Name = "web";
    private const string Operator = "(operator)";

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_service_with_autoscaling_makes_every_AWS_call_as_its_namespace_and_none_as_the_operator()
    {
        var calls = new ConcurrentQueue<(string Principal, string Operation)>();
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        env.Ecs.Invoke("CreateCluster", new JsonObject { ["clusterName"] = Cluster });
        env.Ecs.Invoke("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = Name,
            ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1", ["memory"] = 128 }),
        });
        await env.StartOperatorAsync(Ct, o => o.ResyncInterval = TimeSpan.FromMinutes(10), services: s => RecordPrincipals(s, calls));

        await env.Services.CreateAsync(new EcsService
        {
            Metadata = new ObjectMeta { Name = Name, Namespace = OperatorEnvironment.Namespace },
            Spec = new EcsServiceSpec
            {
                Cluster = Cluster,
                TaskDefinition = $"{Name}:1",
                LaunchType = "EC2",
                DesiredCount = 1,
                AutoScaling = ServiceAutoScalingTests.Scaling(min: 1, max: 3),
            },
        }, Ct);
        await Waits.ForAsync(env.Services, Name, o =>
        {
            env.Ecs.Tick();
            return o.Status?.AutoScaling?.ScalableTargetArn is not null && o.Status.ServiceArn is not null;
        }, Describe);

        // The sweep describes the service in its namespace's batch.
        var describesBefore = Count(calls, OperatorEnvironment.Namespace, "DescribeServicesAsync");
        await env.OperatorServices.GetRequiredService<BatchedServiceResync>().SweepAsync(Ct);
        Assert.True(Count(calls, OperatorEnvironment.Namespace, "DescribeServicesAsync") > describesBefore, "the sweep described nothing as the namespace");

        await env.Services.DeleteAsync(OperatorEnvironment.Namespace, Name, cancellationToken: Ct);
        await Waits.Eventually(async () =>
        {
            env.Ecs.Tick();
            return await env.Services.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is null;
        }, "the EcsService is gone");

        string[] expected =
        [
            "CreateServiceAsync", "DescribeServicesAsync", "RegisterScalableTargetAsync", "PutScalingPolicyAsync",
            "PutScheduledActionAsync", "DeregisterScalableTargetAsync", "DeleteServiceAsync",
        ];
        foreach (var operation in expected)
            Assert.True(Count(calls, OperatorEnvironment.Namespace, operation) > 0, $"{operation} was not called as {OperatorEnvironment.Namespace}: {string.Join(", ", calls)}");
        Assert.DoesNotContain(calls, c => c.Principal == Operator);
        Assert.Equal([OperatorEnvironment.Namespace], calls.Select(c => c.Principal).Distinct());
        // The AWS side saw the calls: the recording wraps the real clients, it does not replace them.
        Assert.Equal(0, env.Ecs.Calls["DescribeServices"] - calls.Count(c => c.Operation == "DescribeServicesAsync"));
    }

    /// <summary>Every namespace gets clients of its own over the real transport, recorded under its name; the operator's own are recorded as <see cref="Operator"/>.</summary>
    private static void RecordPrincipals(IServiceCollection services, ConcurrentQueue<(string, string)> calls)
    {
        services.Replace(ServiceDescriptor.Singleton<IEcsApi>(sp => Recorder<IEcsApi>.Wrap(new EcsClient(sp.GetRequiredService<IAwsJsonTransport>()), Operator, calls)));
        services.Replace(ServiceDescriptor.Singleton<IApplicationAutoScalingApi>(sp =>
            Recorder<IApplicationAutoScalingApi>.Wrap(new ApplicationAutoScalingClient(sp.GetRequiredService<IAwsJsonTransport>()), Operator, calls)));
        services.Replace(ServiceDescriptor.Singleton<IAwsClientsForNamespace>(sp => new RecordedNamespaces(sp.GetRequiredService<IAwsJsonTransport>(), calls)));
    }

    private static int Count(IEnumerable<(string Principal, string Operation)> calls, string principal, string operation) =>
        calls.Count(c => c.Principal == principal && c.Operation == operation);

    private static string Describe(EcsService o) => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsServiceStatus);

    private sealed class RecordedNamespaces(IAwsJsonTransport transport, ConcurrentQueue<(string, string)> calls) : IAwsClientsForNamespace
    {
        private readonly ConcurrentDictionary<string, AwsClients> _clients = new(StringComparer.Ordinal);

        public AwsClients For(string @namespace) => _clients.GetOrAdd(@namespace, ns => new AwsClients(
            Recorder<IEcsApi>.Wrap(new EcsClient(transport), ns, calls),
            Recorder<IApplicationAutoScalingApi>.Wrap(new ApplicationAutoScalingClient(transport), ns, calls)));
    }

    /// <summary>Records (principal, method) of each call, then forwards it to the real client.</summary>
    public class Recorder<T> : DispatchProxy
        where T : class
    {
        private T _target = null!;
        private string _principal = "";
        private ConcurrentQueue<(string, string)> _calls = null!;

        public static T Wrap(T target, string principal, ConcurrentQueue<(string, string)> calls)
        {
            var proxy = Create<T, Recorder<T>>();
            var recorder = (Recorder<T>)(object)proxy;
            recorder._target = target;
            recorder._principal = principal;
            recorder._calls = calls;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            _calls.Enqueue((_principal, targetMethod.Name));
            try
            {
                return targetMethod.Invoke(_target, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }
}
