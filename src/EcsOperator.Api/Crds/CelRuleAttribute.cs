namespace EcsOperator.Api.Crds;

/// <summary>
/// A CEL validation rule the API server evaluates on admission (<c>x-kubernetes-validations</c>). On a type, the
/// rule applies wherever the type appears in a schema (<c>self</c> is the object); on a property, <c>self</c> is the
/// property's value. Rules must be valid for Kubernetes 1.26+, and every list they iterate and string they inspect
/// must be bounded (maxItems / maxLength) so the API server's cost estimate stays within budget. (No fieldPath or
/// messageExpression: those need Kubernetes 1.27/1.28.)
/// </summary>
/// <param name="rule">The CEL expression; true means valid.</param>
/// <param name="message">What a user reads when the rule fails.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
public sealed class CelRuleAttribute(string rule, string message) : Attribute
{
    public string Rule { get; } = rule;

    public string Message { get; } = message;
}
