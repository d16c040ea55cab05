using EcsOperator.Core.Validation;

namespace EcsOperator.Core.Tests.Validation;

public sealed class SecretReferenceTests
{
    [Theory]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-password-AbCdEf")]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::")]
    [InlineData("arn:aws:ssm:eu-west-1:123456789012:parameter/shop/db/url")]
    [InlineData("arn:aws-cn:ssm:cn-north-1:123456789012:parameter/app")]
    [InlineData("/shop/db/url")]
    [InlineData("db_password")]
    public void Accepts_secret_and_parameter_references(string valueFrom) => Assert.Null(SecretReference.Check(valueFrom));

    [Theory]
    [InlineData("", "valueFrom is required")]
    [InlineData("arn:aws:s3:::bucket/key", "not of a Secrets Manager secret")]
    [InlineData("arn:aws:ssm", "not a well-formed ARN")]
    [InlineData("my secret", "neither an ARN nor an SSM parameter name")]
    public void Rejects_what_cannot_name_a_secret(string valueFrom, string expected) =>
        Assert.Contains(expected, SecretReference.Check(valueFrom), StringComparison.Ordinal);
}
