namespace EcsOperator.Simulator.Model;

/// <summary>Ordered tag set: ECS returns tags in the order they were added, with later values replacing earlier ones.</summary>
internal sealed class SimTags
{
    private readonly List<KeyValuePair<string, string>> _tags = [];

    public int Count => _tags.Count;

    public IReadOnlyList<KeyValuePair<string, string>> Items => _tags;

    public void Set(string key, string value)
    {
        var index = _tags.FindIndex(t => t.Key == key);
        if (index >= 0)
        {
            _tags[index] = new(key, value);
        }
        else
        {
            _tags.Add(new(key, value));
        }
    }

    public void Remove(string key) => _tags.RemoveAll(t => t.Key == key);

    public SimTags Copy()
    {
        var copy = new SimTags();
        foreach (var tag in _tags)
        {
            copy.Set(tag.Key, tag.Value);
        }

        return copy;
    }
}
