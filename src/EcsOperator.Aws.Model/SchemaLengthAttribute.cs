namespace EcsOperator.Aws.Model;

/// <summary>
/// The bounds of a string's length, a list's item count or a map's entry count, as the CRD schema declares them
/// (<c>minLength</c>/<c>maxLength</c>, <c>minItems</c>/<c>maxItems</c>, <c>minProperties</c>/<c>maxProperties</c>).
/// Ours rather than DataAnnotations' <c>LengthAttribute</c>: nothing here validates objects at run time (the API server
/// does, from the schema), and DataAnnotations' length attributes find <c>Count</c> by reflection, which trimming and
/// Native AOT cannot keep.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SchemaLengthAttribute(int minimumLength, int maximumLength) : Attribute
{
    public int MinimumLength { get; } = minimumLength;

    public int MaximumLength { get; } = maximumLength;
}
