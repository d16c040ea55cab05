namespace EcsOperator.Aws.Model;

/// <summary>
/// The list is a set of unique scalars whose order carries no meaning (subnets, security groups,
/// compatibilities): diffing and hashing ignore order, and the CRD schema declares <c>x-kubernetes-list-type: set</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SetListAttribute : Attribute;
