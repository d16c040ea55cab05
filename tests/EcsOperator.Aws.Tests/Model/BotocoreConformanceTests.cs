using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Xml.Linq;
using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Model.Ecs;
using Xunit;

namespace EcsOperator.Aws.Tests.Model;

/// <summary>
/// Checks the records of Aws.Model against botocore, the machine-readable AWS API definition: same JSON member
/// names, no missing or extra members, corresponding types, required members and enum values, for every shape the
/// operations we call can send or receive. Each test collects every mismatch so one run shows them all.
/// </summary>
public sealed class BotocoreConformanceTests
{
    private static readonly Assembly ModelAssembly = typeof(EcsJsonContext).Assembly;

    public static TheoryData<Botocore> Services => [Botocore.Ecs, Botocore.ApplicationAutoScaling];

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_shape_the_operations_reach_has_a_record_and_every_record_has_a_shape(Botocore service)
    {
        var model = BotocoreModel.LoadOrSkip(service);
        var reachable = model.StructuresReachableFrom(OperationNames(service)).Keys.ToHashSet(StringComparer.Ordinal);
        var mapped = ShapeMappings.All.Where(m => m.Service == service).Select(m => m.Shape).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(reachable.Except(mapped).Order(StringComparer.Ordinal));
        Assert.Empty(mapped.Except(reachable).Order(StringComparer.Ordinal));

        var records = ModelAssembly.GetTypes()
            .Where(t => t.Namespace == Namespace(service) && t.IsClass && !t.IsAbstract && t.GetMethod("<Clone>$") is not null)
            .ToHashSet();
        var mappedRecords = ShapeMappings.All.Where(m => m.Service == service).Select(m => m.Record).ToHashSet();
        Assert.Empty(records.Except(mappedRecords).Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Json_member_names_and_types_match_botocore(Botocore service)
    {
        var model = BotocoreModel.LoadOrSkip(service);
        var problems = new List<string>();
        foreach (var mapping in ShapeMappings.All.Where(m => m.Service == service))
        {
            var shape = model.Shape(mapping.Shape);
            var members = shape.GetProperty("members").EnumerateObject()
                .ToDictionary(m => m.Name, m => m.Value.GetProperty("shape").GetString()!, StringComparer.Ordinal);
            var properties = TypeInfo(service, mapping.Record).Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);

            foreach (var missing in members.Keys.Except(properties.Keys))
                problems.Add($"{mapping}: botocore member '{missing}' has no property");
            foreach (var extra in properties.Keys.Except(members.Keys))
                problems.Add($"{mapping}: JSON member '{extra}' is not in botocore");

            foreach (var (name, property) in properties)
            {
                if (!members.TryGetValue(name, out var target))
                    continue;
                var declared = property.PropertyType;
                if (declared.IsValueType && Nullable.GetUnderlyingType(declared) is null)
                    problems.Add($"{mapping}.{name}: {declared.Name} must be nullable (responses omit members)");
                var mismatch = Correspond(model, service, Nullable.GetUnderlyingType(declared) ?? declared, target);
                if (mismatch is not null)
                    problems.Add($"{mapping}.{name}: {mismatch}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Input_shapes_carry_botocore_required_members_enums_and_limits_as_schema_attributes(Botocore service)
    {
        var model = BotocoreModel.LoadOrSkip(service);
        var inputShapes = model.StructuresReachableFrom(OperationNames(service)).Where(s => s.Value).Select(s => s.Key).ToHashSet();
        var problems = new List<string>();
        foreach (var mapping in ShapeMappings.All.Where(m => m.Service == service))
        {
            var shape = model.Shape(mapping.Shape);
            var isInput = inputShapes.Contains(mapping.Shape);
            var required = shape.TryGetProperty("required", out var r)
                ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var property in TypeInfo(service, mapping.Record).Properties)
            {
                var clr = (PropertyInfo)property.AttributeProvider!;
                var hasRequired = clr.GetCustomAttribute<RequiredAttribute>() is not null;
                if (hasRequired != (isInput && required.Contains(property.Name)))
                {
                    problems.Add(
                        $"{mapping}.{property.Name}: [Required] is {hasRequired}, " +
                        $"botocore required={required.Contains(property.Name)}, input shape={isInput}");
                }

                // Members botocore does not know are reported by the name test.
                if (!isInput || !shape.GetProperty("members").TryGetProperty(property.Name, out var member))
                    continue;
                var target = model.Shape(member.GetProperty("shape").GetString()!);
                var enumShape = target.GetProperty("type").GetString() == "list"
                    ? model.Shape(target.GetProperty("member").GetProperty("shape").GetString()!)
                    : target;
                var allowed = clr.GetCustomAttribute<AllowedValuesAttribute>()?.Values.Cast<string>().ToArray();
                if (enumShape.TryGetProperty("enum", out var values))
                {
                    var expected = values.EnumerateArray().Select(v => v.GetString()!).ToArray();
                    if (allowed is null || !allowed.SequenceEqual(expected))
                        problems.Add($"{mapping}.{property.Name}: [AllowedValues] should list {string.Join(",", expected)}");
                }
                else if (allowed is not null)
                {
                    problems.Add($"{mapping}.{property.Name}: [AllowedValues] on a member that is not an enum");
                }

                var limitProblem = CheckLimits(target, clr);
                if (limitProblem is not null)
                    problems.Add($"{mapping}.{property.Name}: {limitProblem}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Enum_constant_classes_list_exactly_the_botocore_values(Botocore service)
    {
        var model = BotocoreModel.LoadOrSkip(service);
        var structures = model.StructuresReachableFrom(OperationNames(service)).Keys;
        var problems = new List<string>();
        foreach (var enumName in model.EnumsUsedBy(structures))
        {
            var constants = ModelAssembly.GetType($"{Namespace(service)}.{enumName}");
            if (constants is null)
            {
                problems.Add($"no constants class for enum {enumName}");
                continue;
            }

            var actual = constants.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();
            var expected = model.Shape(enumName).GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToArray();
            if (!actual.SequenceEqual(expected))
                problems.Add($"{enumName}: constants [{string.Join(",", actual)}] but botocore [{string.Join(",", expected)}]");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Client_methods_take_and_return_the_records_of_the_botocore_operation(Botocore service)
    {
        var model = BotocoreModel.LoadOrSkip(service);
        var api = service == Botocore.Ecs ? typeof(IEcsApi) : typeof(IApplicationAutoScalingApi);
        var problems = new List<string>();
        foreach (var operation in OperationNames(service))
        {
            if (!model.Operations.TryGetProperty(operation, out var op))
            {
                problems.Add($"{operation} is not a botocore operation");
                continue;
            }

            var method = api.GetMethod(operation + "Async");
            if (method is null)
            {
                problems.Add($"{api.Name} has no {operation}Async");
                continue;
            }

            var input = Record(service, op.GetProperty("input").GetProperty("shape").GetString()!);
            var output = Record(service, op.GetProperty("output").GetProperty("shape").GetString()!);
            if (method.GetParameters()[0].ParameterType != input)
                problems.Add($"{operation}Async takes {method.GetParameters()[0].ParameterType.Name}, expected {input?.Name}");
            if (method.ReturnType != typeof(Task<>).MakeGenericType(output!))
                problems.Add($"{operation}Async returns {method.ReturnType}, expected Task<{output?.Name}>");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_property_of_an_input_shape_has_a_doc_comment_for_the_CRD_description()
    {
        var model = BotocoreModel.LoadOrSkip(Botocore.Ecs);
        var aas = BotocoreModel.LoadOrSkip(Botocore.ApplicationAutoScaling);
        var inputs = model.StructuresReachableFrom(OperationNames(Botocore.Ecs)).Where(s => s.Value).Select(s => (Botocore.Ecs, s.Key))
            .Concat(aas.StructuresReachableFrom(OperationNames(Botocore.ApplicationAutoScaling)).Where(s => s.Value).Select(s => (Botocore.ApplicationAutoScaling, s.Key)))
            .ToHashSet();
        var xmlPath = Path.ChangeExtension(ModelAssembly.Location, ".xml");
        var summaries = XDocument.Load(xmlPath).Descendants("member")
            .Where(m => !string.IsNullOrWhiteSpace(m.Element("summary")?.Value))
            .Select(m => m.Attribute("name")!.Value)
            .ToHashSet(StringComparer.Ordinal);

        var undocumented = ShapeMappings.All
            .Where(m => inputs.Contains((m.Service, m.Shape)))
            .SelectMany(m => m.Record.GetProperties().Select(p => $"P:{m.Record.FullName}.{p.Name}"))
            .Where(name => !summaries.Contains(name))
            .ToList();

        Assert.Empty(undocumented);
    }

    private static string? Correspond(BotocoreModel model, Botocore service, Type clr, string shapeName)
    {
        var shape = model.Shape(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure" when shape.TryGetProperty("document", out var document) && document.GetBoolean():
                return clr == typeof(JsonElement) ? null : $"{clr.Name} should be JsonElement for document shape {shapeName}";
            case "structure":
                var expected = Record(service, shapeName);
                return clr == expected ? null : $"{clr.Name} should be the record of shape {shapeName} ({expected?.Name ?? "unmapped"})";
            case "list":
                if (!clr.IsGenericType || clr.GetGenericTypeDefinition() != typeof(IReadOnlyList<>))
                    return $"{clr.Name} should be IReadOnlyList<> for list shape {shapeName}";
                return Correspond(model, service, clr.GetGenericArguments()[0], shape.GetProperty("member").GetProperty("shape").GetString()!);
            case "map":
                if (!clr.IsGenericType || clr.GetGenericTypeDefinition() != typeof(IReadOnlyDictionary<,>))
                    return $"{clr.Name} should be IReadOnlyDictionary<,> for map shape {shapeName}";
                return Correspond(model, service, clr.GetGenericArguments()[0], shape.GetProperty("key").GetProperty("shape").GetString()!)
                    ?? Correspond(model, service, clr.GetGenericArguments()[1], shape.GetProperty("value").GetProperty("shape").GetString()!);
            default:
                var scalar = type switch
                {
                    "string" => typeof(string),
                    "integer" => typeof(int),
                    "long" => typeof(long),
                    "double" => typeof(double),
                    "float" => typeof(float),
                    "boolean" => typeof(bool),
                    "timestamp" => typeof(DateTimeOffset),
                    _ => null,
                };
                return scalar == clr ? null : $"{clr.Name} does not correspond to botocore {type} ({shapeName})";
        }
    }

    private static string? CheckLimits(JsonElement target, PropertyInfo property)
    {
        var hasMin = target.TryGetProperty("min", out var min);
        var hasMax = target.TryGetProperty("max", out var max);
        var range = property.GetCustomAttribute<RangeAttribute>();
        var length = property.GetCustomAttribute<SchemaLengthAttribute>();
        var maxLength = property.GetCustomAttribute<SchemaMaxLengthAttribute>();
        if (!hasMin && !hasMax)
            return range is null && length is null && maxLength is null ? null : "limit attribute without botocore min/max";

        var kind = target.GetProperty("type").GetString();
        if (kind is "integer" or "long")
        {
            if (range is null)
                return $"missing [Range] for botocore min/max";
            var ok = (!hasMin || Convert.ToInt64(range.Minimum, System.Globalization.CultureInfo.InvariantCulture) == min.GetInt64())
                && (!hasMax || Convert.ToInt64(range.Maximum, System.Globalization.CultureInfo.InvariantCulture) == max.GetInt64());
            return ok ? null : $"[Range({range.Minimum}, {range.Maximum})] differs from botocore";
        }

        if (hasMin && hasMax)
        {
            return length is not null && length.MinimumLength == min.GetInt32() && length.MaximumLength == max.GetInt32()
                ? null
                : "missing or wrong [SchemaLength] for botocore min/max";
        }

        return hasMax && maxLength?.Length == max.GetInt32() ? null : "missing or wrong [SchemaMaxLength] for botocore max";
    }

    private static JsonTypeInfo TypeInfo(Botocore service, Type record) =>
        (service == Botocore.Ecs
            ? (JsonSerializerContext)EcsJsonContext.Default
            : ApplicationAutoScalingJsonContext.Default).GetTypeInfo(record)
        ?? throw new InvalidOperationException($"{record.Name} is not registered in the JSON context of {service}.");

    private static Type? Record(Botocore service, string shape) =>
        ShapeMappings.All.FirstOrDefault(m => m.Service == service && m.Shape == shape)?.Record;

    private static string Namespace(Botocore service) =>
        service == Botocore.Ecs ? typeof(EcsJsonContext).Namespace! : typeof(ApplicationAutoScalingJsonContext).Namespace!;

    private static IEnumerable<string> OperationNames(Botocore service) =>
        (service == Botocore.Ecs ? EcsOperations.All : ApplicationAutoScalingOperations.All).Select(o => o.Name);
}
