namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// Resyncs a whole kind at once, once per jittered <see cref="Hosting.OperatorOptions.ResyncInterval"/>, where AWS
/// lets it read in batches (DescribeServices takes 10 services per call): objects of that kind need no timer of
/// their own, so <see cref="RequeuePolicy"/> gives them none.
/// </summary>
public interface IResyncSource
{
    /// <summary>The kind whose objects this source resyncs.</summary>
    string Kind { get; }
}
