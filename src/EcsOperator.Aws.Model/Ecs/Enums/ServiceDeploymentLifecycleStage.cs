namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ServiceDeploymentLifecycleStage</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class ServiceDeploymentLifecycleStage
{
    public const string ReconcileService = "RECONCILE_SERVICE";
    public const string PreScaleUp = "PRE_SCALE_UP";
    public const string ScaleUp = "SCALE_UP";
    public const string PostScaleUp = "POST_SCALE_UP";
    public const string TestTrafficShift = "TEST_TRAFFIC_SHIFT";
    public const string PostTestTrafficShift = "POST_TEST_TRAFFIC_SHIFT";
    public const string ProductionTrafficShift = "PRODUCTION_TRAFFIC_SHIFT";
    public const string PostProductionTrafficShift = "POST_PRODUCTION_TRAFFIC_SHIFT";
    public const string BakeTime = "BAKE_TIME";
    public const string CleanUp = "CLEAN_UP";
}
