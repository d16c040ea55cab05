using EcsOperator.Api.Shared;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using Xunit;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>Polling until the operator has done something: the one place the end-to-end tests wait.</summary>
internal static class Waits
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>The object once <paramref name="condition"/> holds; on timeout, an error showing its last status.</summary>
    public static async Task<T> ForAsync<T>(IResourceClient<T> client, string name, Func<T, bool> condition, Func<T, string> describe)
        where T : class, IKubernetesObject
    {
        var ct = TestContext.Current.CancellationToken;
        T? last = null;
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            last = await client.TryGetAsync(OperatorEnvironment.Namespace, name, ct);
            if (last is not null && condition(last))
                return last;
            await Task.Delay(Poll, ct);
        }

        throw new TimeoutException($"{name} never reached the expected state; last status: {(last is null ? "gone" : describe(last))}");
    }

    /// <summary>The object once it is Ready=True for its current generation.</summary>
    public static Task<T> ReadyAsync<T>(IResourceClient<T> client, string name, Func<T, IEcsStatus?> status, Func<T, string> describe)
        where T : class, IKubernetesObject =>
        ForAsync(client, name, o => status(o) is { } s && s.ObservedGeneration == o.Metadata.Generation
            && s.Conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready) is { Status: ConditionStatus.True } ready
            && ready.ObservedGeneration == o.Metadata.Generation, describe);

    public static Task Eventually(Func<bool> condition, string what) => Eventually(() => Task.FromResult(condition()), () => what);

    public static Task Eventually(Func<Task<bool>> condition, string what) => Eventually(condition, () => what);

    /// <summary><paramref name="what"/> is described when the wait times out, so the message can say what was there instead.</summary>
    public static Task Eventually(Func<bool> condition, Func<string> what) => Eventually(() => Task.FromResult(condition()), what);

    public static async Task Eventually(Func<Task<bool>> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"timed out waiting for {what()}");
            await Task.Delay(Poll, TestContext.Current.CancellationToken);
        }
    }
}
