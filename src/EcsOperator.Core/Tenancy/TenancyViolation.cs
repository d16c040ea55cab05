namespace EcsOperator.Core.Tenancy;

/// <summary>One refused field: where it is in the object (<c>spec.taskRoleArn</c>) and which rule it breaks.</summary>
public sealed record TenancyViolation(string Field, string Rule)
{
    public override string ToString() => $"{Field}: {Rule}";
}
