using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Core.Validation;

/// <summary>
/// The shape ECS requires of placement strategies and constraints (API reference PlacementStrategy,
/// PlacementConstraint): binpack by cpu or memory, spread by instanceId / host / attribute:&lt;name&gt;, random without
/// a field; memberOf with an expression of at most 2000 characters, distinctInstance without one.
/// </summary>
internal static class PlacementRules
{
    public static void Check(IReadOnlyList<PlacementStrategy>? strategy, IReadOnlyList<PlacementConstraint>? constraints, string specPath, FieldErrors errors)
    {
        for (var i = 0; i < (strategy?.Count ?? 0); i++)
        {
            var step = strategy![i];
            var path = $"{specPath}.placementStrategy[{i}]";
            switch (step.Type)
            {
                case PlacementStrategyType.Binpack when step.Field is not ("cpu" or "memory"):
                    errors.Add($"{path}.field", $"binpack packs by cpu or memory, not '{step.Field ?? "(unset)"}': set field to cpu or memory");
                    break;
                case PlacementStrategyType.Spread when !IsSpreadField(step.Field):
                    errors.Add($"{path}.field", $"spread needs instanceId, host or attribute:<name> (e.g. attribute:ecs.availability-zone), not '{step.Field ?? "(unset)"}'");
                    break;
                case PlacementStrategyType.Random when step.Field is not null:
                    errors.Add($"{path}.field", "random takes no field: remove it");
                    break;
                case null:
                    errors.Add($"{path}.type", "type is required: binpack, spread or random");
                    break;
            }
        }

        for (var i = 0; i < (constraints?.Count ?? 0); i++)
        {
            var constraint = constraints![i];
            var path = $"{specPath}.placementConstraints[{i}]";
            switch (constraint.Type)
            {
                case PlacementConstraintType.MemberOf when string.IsNullOrWhiteSpace(constraint.Expression):
                    errors.Add($"{path}.expression", "memberOf needs a cluster query language expression, e.g. attribute:ecs.instance-type =~ c6i.*");
                    break;
                case PlacementConstraintType.MemberOf when constraint.Expression!.Length > 2000:
                    errors.Add($"{path}.expression", $"the expression has {constraint.Expression.Length} characters; ECS accepts at most 2000");
                    break;
                case PlacementConstraintType.DistinctInstance when constraint.Expression is not null:
                    errors.Add($"{path}.expression", "distinctInstance takes no expression: remove it (or use memberOf)");
                    break;
                case null:
                    errors.Add($"{path}.type", "type is required: memberOf or distinctInstance");
                    break;
            }
        }
    }

    private static bool IsSpreadField(string? field) =>
        field is "instanceId" or "host" || (field?.StartsWith("attribute:", StringComparison.Ordinal) == true && field.Length > "attribute:".Length);
}
