namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// Size of <see cref="WakeUpStressTests"/>: CI size by default (one seed, 150 pairs); <c>WAKEUP_STRESS_PAIRS</c>,
/// <c>WAKEUP_STRESS_SEEDS</c> (how many seeds, from <c>WAKEUP_STRESS_FIRST_SEED</c>, default 1) and
/// <c>WAKEUP_STRESS_BOUND_SECONDS</c> make the heavier hunt; <c>WAKEUP_STRESS_FAULT_SECONDS</c> is how long the
/// perturbations go on after the last object was created (default 3).
/// </summary>
internal sealed record WakeUpStressSettings(int Pairs, int FirstSeed, int SeedCount, TimeSpan Bound, TimeSpan FaultsAfterApply)
{
    public IEnumerable<int> Seeds => Enumerable.Range(FirstSeed, SeedCount);

    public static WakeUpStressSettings FromEnvironment() => new(
        Pairs: Read("WAKEUP_STRESS_PAIRS", 150),
        FirstSeed: Read("WAKEUP_STRESS_FIRST_SEED", 1),
        SeedCount: Read("WAKEUP_STRESS_SEEDS", 1),
        // Far below the resync (hours here, minutes in production), far above a healthy convergence (seconds).
        Bound: TimeSpan.FromSeconds(Read("WAKEUP_STRESS_BOUND_SECONDS", 60)),
        FaultsAfterApply: TimeSpan.FromSeconds(Read("WAKEUP_STRESS_FAULT_SECONDS", 3)));

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
