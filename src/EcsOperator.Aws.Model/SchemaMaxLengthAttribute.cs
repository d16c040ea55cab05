namespace EcsOperator.Aws.Model;

/// <summary>
/// The upper bound of a string's length, a list's item count or a map's entry count in the CRD schema; see
/// <see cref="SchemaLengthAttribute"/> for why it is ours.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SchemaMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
