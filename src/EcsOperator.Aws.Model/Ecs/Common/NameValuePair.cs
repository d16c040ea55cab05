namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// A name and a value, as used for environment variables, proxy properties and attachment details.
/// </summary>
/// <remarks>
/// Botocore shape <c>KeyValuePair</c>; renamed because <c>System.Collections.Generic.KeyValuePair</c> (imported
/// by implicit usings) would make every unqualified use ambiguous.
/// </remarks>
public sealed record NameValuePair
{
    /// <summary>
    /// The name of the key-value pair. For environment variables, this is the name of the environment variable.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// The value of the key-value pair. For environment variables, this is the value of the environment variable.
    /// </summary>
    public string? Value { get; init; }
}
