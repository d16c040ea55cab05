namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// Size of <see cref="WakeUpStressTests"/>: CI size by default (one seed, 150 pairs); <c>WAKEUP_STRESS_PAIRS</c>,
/// <c>WAKEUP_STRESS_SEEDS</c> (how many seeds, from <c>WAKEUP_STRESS_FIRST_SEED</c>, default 1) and
/// <c>WAKEUP_STRESS_BOUND_SECONDS</c> make the heavier hunt; <c>WAKEUP_STRESS_FAULT_SECONDS</c> is how long the
/// perturbations go on after the last object was created (default 3); <c>WAKEUP_STRESS_WORKERS</c> sets the workers per
/// kind (default 4) and <c>WAKEUP_STRESS_NO_FAULTS=1</c> turns off the perturbations and the watch delay (the
/// benchmark's conditions, with the resync still hours away).
/// </summary>
internal sealed record WakeUpStressSettings(int Pairs, int FirstSeed, int SeedCount, TimeSpan Bound, TimeSpan FaultsAfterApply, int Workers, bool Faults)
{
    public IEnumerable<int> Seeds => Enumerable.Range(FirstSeed, SeedCount);

    public static WakeUpStressSettings FromEnvironment() => new(
        Pairs: Read("WAKEUP_STRESS_PAIRS", 150),
        FirstSeed: Read("WAKEUP_STRESS_FIRST_SEED", 1),
        SeedCount: Read("WAKEUP_STRESS_SEEDS", 1),
        // Far below the resync (hours here, minutes in production), far above a healthy convergence (seconds).
        Bound: TimeSpan.FromSeconds(Read("WAKEUP_STRESS_BOUND_SECONDS", 60)),
        FaultsAfterApply: TimeSpan.FromSeconds(Read("WAKEUP_STRESS_FAULT_SECONDS", 3)),
        Workers: Read("WAKEUP_STRESS_WORKERS", 4),
        Faults: Environment.GetEnvironmentVariable("WAKEUP_STRESS_NO_FAULTS") != "1");

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
