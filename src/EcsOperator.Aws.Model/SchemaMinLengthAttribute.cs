namespace EcsOperator.Aws.Model;

/// <summary>
/// The lower bound of a string's length, a list's item count or a map's entry count in the CRD schema; see
/// <see cref="SchemaLengthAttribute"/> for why it is ours.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SchemaMinLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
