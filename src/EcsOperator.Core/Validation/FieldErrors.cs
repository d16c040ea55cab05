namespace EcsOperator.Core.Validation;

/// <summary>
/// Collects every problem of a spec (not just the first), so one Stalled message lets the user fix them all at once.
/// </summary>
internal sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public int Count => _errors.Count;

    public void Add(string path, string message) => _errors.Add(new FieldError(path, message));

    public void AddRange(IEnumerable<FieldError> errors) => _errors.AddRange(errors);

    public IReadOnlyList<FieldError> ToList() => _errors.ToArray();

    /// <summary>
    /// The path of an item of a list: its key when the list is keyed and the item has one (<c>containerDefinitions[web]</c>),
    /// else its position (<c>portMappings[0]</c>).
    /// </summary>
    public static string Item(string listPath, string? key, int index) =>
        string.IsNullOrEmpty(key)
            ? $"{listPath}[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]"
            : $"{listPath}[{key}]";

    /// <summary>Items of a keyed list whose key appears more than once, with the path of every later occurrence.</summary>
    public static IEnumerable<(string Key, int Index)> Duplicates<T>(IReadOnlyList<T>? items, Func<T, string?> key)
    {
        if (items is null)
            yield break;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var value = key(items[i]);
            if (!string.IsNullOrEmpty(value) && !seen.Add(value))
                yield return (value, i);
        }
    }
}
