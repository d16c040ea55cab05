using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Hosting;
using EcsOperator.KubeApiServer;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Host.Tests.Informers;

/// <summary>
/// The informer caches hold 10,000 task definitions and services at scale: every list in our kinds' objects, as the
/// shipped examples write them, is decoded as an exact array (not a <see cref="List{T}"/> with spare slots), and the cached object
/// writes back the same JSON.
/// </summary>
public sealed class CachedListTypesTests
{
    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(RepoPaths.Examples, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_list_of_an_example_object_is_cached_as_an_exact_array(string file)
    {
        var cached = PooledStringConverter.Pooled(ApiJsonContext.Default.Options, new StringPool(), CachedListTypes.Decoding);
        var checkedAny = false;
        foreach (var document in YamlToJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Examples, file))))
        {
            var type = (document?["kind"]?.GetValue<string>()) switch
            {
                EcsTaskDefinition.KindName => typeof(EcsTaskDefinition),
                EcsService.KindName => typeof(EcsService),
                EcsCluster.KindName => typeof(EcsCluster),
                EcsTask.KindName => typeof(EcsTask),
                EcsCapacityProvider.KindName => typeof(EcsCapacityProvider),
                _ => null,
            };
            if (type is null)
                continue;
            var json = document!.ToJsonString();
            var obj = JsonSerializer.Deserialize(json, cached.GetTypeInfo(type))!;
            Assert.Empty(Lists(obj, "$").Where(l => l.Type.IsGenericType && l.Type.GetGenericTypeDefinition() == typeof(List<>))
                .Select(l => $"{l.Path}: {l.Type.Name}<{l.Type.GetGenericArguments()[0].Name}>"));
            var plain = JsonSerializer.Deserialize(json, ApiJsonContext.Default.Options.GetTypeInfo(type))!;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(plain, ApiJsonContext.Default.Options.GetTypeInfo(type))),
                JsonNode.Parse(JsonSerializer.Serialize(obj, cached.GetTypeInfo(type)))), $"{file}: the cached {type.Name} writes other JSON");
            checkedAny = true;
        }

        Assert.True(checkedAny, $"{file} holds none of our kinds");
    }

    [Fact]
    public void Every_list_element_type_of_the_cached_kinds_has_an_exact_array_converter()
    {
        var covered = CachedListTypes.Decoding.Converters.Select(c => c.Type).ToHashSet();
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        foreach (var kind in new[] { typeof(EcsTaskDefinition), typeof(EcsService), typeof(EcsCluster), typeof(EcsTask), typeof(EcsCapacityProvider) })
            Walk(kind);
        Assert.True(missing.Count == 0, "lists decoded as List<T> in the cache (add them to CachedListTypes): " + string.Join(", ", missing));

        void Walk(Type type)
        {
            if (!seen.Add(type))
                return;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
                {
                    var element = t.GetGenericArguments()[0];
                    // Strings and conditions: the informer's own exact lists.
                    if (element != typeof(string) && element != typeof(Kubernetes.Model.Condition) && !covered.Contains(t))
                        missing.Add($"{element.FullName} ({type.Name}.{property.Name})");
                    if (IsOurs(element))
                        Walk(element);
                }
                else if (IsOurs(t) && !t.IsEnum)
                {
                    Walk(t);
                }
            }
        }
    }

    /// <summary>Every list in the object graph (our records' properties), with where it is.</summary>
    private static IEnumerable<(string Path, Type Type)> Lists(object obj, string path)
    {
        foreach (var property in obj.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetValue(obj) is not { } value || value is string)
                continue;
            var at = $"{path}.{property.Name}";
            if (value is IList list)
            {
                yield return (at, value.GetType());
                foreach (var item in list)
                {
                    if (item is not null && IsOurs(item.GetType()))
                    {
                        foreach (var inner in Lists(item, at + "[]"))
                            yield return inner;
                    }
                }
            }
            else if (IsOurs(value.GetType()))
            {
                foreach (var inner in Lists(value, at))
                    yield return inner;
            }
        }
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("EcsOperator.", StringComparison.Ordinal) == true && !type.IsEnum;
}
