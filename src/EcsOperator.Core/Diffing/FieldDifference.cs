namespace EcsOperator.Core.Diffing;

/// <summary>
/// One field where the live AWS resource differs from the spec.
/// </summary>
/// <param name="Field">The top-level field, as named in the spec (e.g. <c>networkConfiguration</c>).</param>
/// <param name="Path">The first differing path inside it (e.g. <c>networkConfiguration.awsvpcConfiguration.subnets</c>).</param>
/// <param name="Kind">How ECS can apply the change.</param>
/// <param name="Desired">The canonical JSON of the spec's value, null when absent.</param>
/// <param name="Live">The canonical JSON of the live value, null when absent.</param>
public sealed record FieldDifference(string Field, string Path, ChangeKind Kind, string? Desired, string? Live)
{
    public override string ToString() => $"{Path} (spec {Desired ?? "unset"}, live {Live ?? "unset"})";
}
