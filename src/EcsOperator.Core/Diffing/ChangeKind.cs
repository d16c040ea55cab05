namespace EcsOperator.Core.Diffing;

/// <summary>How ECS can apply a change to a field of a live resource.</summary>
public enum ChangeKind
{
    /// <summary>UpdateService changes it without replacing tasks (desired count, deployment configuration, ...).</summary>
    InPlace,

    /// <summary>UpdateService changes it by starting a new deployment (task definition, network configuration, ...).</summary>
    NewDeployment,

    /// <summary>ECS cannot change it on a live resource (launch type, scheduling strategy, ...): recreate or revert the spec.</summary>
    Immutable,
}
