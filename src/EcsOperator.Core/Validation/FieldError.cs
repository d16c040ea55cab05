namespace EcsOperator.Core.Validation;

/// <summary>
/// One reason a spec cannot be applied, with the path of the offending field as users write it in their manifest
/// (e.g. <c>spec.containerDefinitions[web].memory</c>), so the Stalled condition points at the line to fix.
/// </summary>
public sealed record FieldError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
