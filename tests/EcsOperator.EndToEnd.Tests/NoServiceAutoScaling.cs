using EcsOperator.Reconcilers.Services;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// Test-only stand-in while the Application Auto Scaling implementation lives on another branch: nothing is
/// registered, so nothing differs. The tests here use no spec.autoScaling.
/// </summary>
internal sealed class NoServiceAutoScaling : IServiceAutoScaling
{
    public Task<AutoScalingSyncResult> SyncAsync(AutoScalingSyncRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new AutoScalingSyncResult(null, [], Applied: false));
}
