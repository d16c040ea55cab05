using System.Text.RegularExpressions;
using EcsOperator.Core.Arns;

namespace EcsOperator.Core.Validation;

/// <summary>
/// A container secret's <c>valueFrom</c> must be a Secrets Manager secret ARN (optionally with a JSON key, version
/// stage and version id), an SSM Parameter Store parameter ARN, or — for a parameter in the task's own region — the
/// parameter's name.
/// </summary>
public static partial class SecretReference
{
    /// <summary>Null when <paramref name="valueFrom"/> can name a secret; otherwise what is wrong with it.</summary>
    public static string? Check(string? valueFrom)
    {
        if (string.IsNullOrWhiteSpace(valueFrom))
            return "valueFrom is required: a Secrets Manager secret ARN, an SSM parameter ARN, or an SSM parameter name";

        if (Arn.TryParse(valueFrom, out var arn))
        {
            return arn.Service switch
            {
                "secretsmanager" when arn.Resource.StartsWith("secret:", StringComparison.Ordinal) => null,
                "ssm" when arn.Resource.StartsWith("parameter/", StringComparison.Ordinal) => null,
                _ => $"'{valueFrom}' is an ARN but not of a Secrets Manager secret (arn:...:secretsmanager:...:secret:...) or an SSM parameter (arn:...:ssm:...:parameter/...)",
            };
        }

        if (valueFrom.StartsWith("arn:", StringComparison.Ordinal))
            return $"'{valueFrom}' is not a well-formed ARN (arn:partition:service:region:account:resource)";

        return ParameterName().IsMatch(valueFrom) && valueFrom.Length <= 2048
            ? null
            : $"'{valueFrom}' is neither an ARN nor an SSM parameter name (letters, digits and _ . - / only)";
    }

    [GeneratedRegex("^[a-zA-Z0-9_.\\-/]+$")]
    private static partial Regex ParameterName();
}
