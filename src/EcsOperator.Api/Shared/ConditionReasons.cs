namespace EcsOperator.Api.Shared;

/// <summary>
/// The reasons conditions carry (DESIGN section 3). <c>Ready</c> uses <see cref="Available"/>, <see cref="RolloutInProgress"/>,
/// <see cref="Pending"/>, <see cref="Deleting"/> and the <c>Stalled</c> reasons; <c>Reconciling</c> uses <see cref="Creating"/>,
/// <see cref="Updating"/>, <see cref="RolloutInProgress"/>, <see cref="RetryingAfterError"/>, <see cref="Deleting"/>;
/// <c>Stalled</c> uses <see cref="StalledReasons"/>; <c>Drifted</c> uses <see cref="DriftCorrected"/> and <see cref="DriftReported"/>.
/// </summary>
public static class ConditionReasons
{
    // Ready
    public const string Available = "Available";
    public const string RolloutInProgress = "RolloutInProgress";
    public const string Pending = "Pending";
    public const string Deleting = "Deleting";

    // Reconciling
    public const string Creating = "Creating";
    public const string Updating = "Updating";
    public const string RetryingAfterError = "RetryingAfterError";

    // Stalled
    public const string InvalidSpec = "InvalidSpec";
    public const string AccessDenied = "AccessDenied";
    public const string NotOwned = "NotOwned";
    public const string RolloutFailed = "RolloutFailed";
    public const string DependencyNotFound = "DependencyNotFound";
    public const string ImmutableFieldChanged = "ImmutableFieldChanged";

    /// <summary>
    /// The namespace's tenancy policy (EcsTenantPolicy, or the <c>--tenancy=strict</c> default) refuses a field, or
    /// gives the namespace no AWS principal: refused before any AWS call, looked at again at the next resync.
    /// </summary>
    public const string Forbidden = "Forbidden";

    /// <summary>
    /// An EcsTask's run is over and failed (non-zero exit code, failed to start, RunTask could not place it): finished,
    /// not progressing, so kstatus reports Failed rather than InProgress. It never runs again.
    /// </summary>
    public const string TaskFailed = "TaskFailed";

    /// <summary>
    /// ECS cannot place some of an EcsService's tasks (no container instance has the CPU, memory or ports, or none
    /// satisfies the placement constraints). Ready=False and Reconciling=True carry it: ECS keeps trying, and capacity
    /// added later (or a spec change) lets the rollout go on.
    /// </summary>
    public const string TasksNotPlaced = "TasksNotPlaced";

    /// <summary>
    /// The service's deploymentController is CODE_DEPLOY or EXTERNAL, which deploy new revisions themselves: the
    /// operator cannot roll the service to a new task definition with UpdateService and says what to do instead.
    /// </summary>
    public const string ExternalDeploymentController = "ExternalDeploymentController";

    /// <summary>The ecs.operator.dev/rollback annotation stopped this generation's deployment: its revision is not pushed again.</summary>
    public const string RolledBackByAnnotation = "RolledBackByAnnotation";

    // Drifted
    public const string DriftCorrected = "DriftCorrected";
    public const string DriftReported = "DriftReported";

    /// <summary>The reasons of <c>Stalled=True</c>; <c>Ready=False</c> carries the same reason while stalled.</summary>
    public static IReadOnlyList<string> StalledReasons { get; } =
        [InvalidSpec, AccessDenied, NotOwned, RolloutFailed, DependencyNotFound, ImmutableFieldChanged, Forbidden, TaskFailed, ExternalDeploymentController, RolledBackByAnnotation];

    /// <summary>The reasons valid for each condition type.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByConditionType { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [ConditionTypes.Ready] = [Available, RolloutInProgress, Pending, Deleting, .. StalledReasons, TasksNotPlaced],
            [ConditionTypes.Reconciling] = [Creating, Updating, RolloutInProgress, RetryingAfterError, Deleting, TasksNotPlaced],
            [ConditionTypes.Stalled] = StalledReasons,
            [ConditionTypes.Drifted] = [DriftCorrected, DriftReported],
        };
}
