namespace EcsOperator.Aws.Model;

/// <summary>
/// The items of this list are identified by the named member(s), not by position: a list of containers is keyed by
/// <c>name</c>, a list of tags by <c>key</c>. Diffing and hashing match items by key and ignore order, and the CRD
/// schema declares the list as <c>x-kubernetes-list-type: map</c> so server-side apply merges it item by item.
/// </summary>
/// <param name="keys">JSON member names (as on the wire) that together identify an item.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ListKeyAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
