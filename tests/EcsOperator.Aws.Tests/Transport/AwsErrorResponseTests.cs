using System.Net;
using System.Text;
using EcsOperator.Aws.Transport;
using Xunit;

namespace EcsOperator.Aws.Tests.Transport;

public sealed class AwsErrorResponseTests
{
    private static readonly AwsOperation Operation = new(AwsService.Ecs, "DescribeServices", OperationFamily.Read);

    private static AwsServiceException Parse(HttpStatusCode status, string body, string? header = null, string? requestId = "rid") =>
        AwsErrorResponse.Parse(Operation, status, header, requestId, Encoding.UTF8.GetBytes(body));

    [Theory]
    [InlineData("ClusterNotFoundException", "ClusterNotFoundException")]
    [InlineData("com.amazonaws.ecs#ClusterNotFoundException", "ClusterNotFoundException")]
    [InlineData("ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/", "ThrottlingException")]
    [InlineData("aws.protocoltests#FooError:http://internal.amazon.com/", "FooError")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void Normalizes_error_codes(string? raw, string? expected) =>
        Assert.Equal(expected, AwsErrorResponse.NormalizeCode(raw));

    [Fact]
    public void Reads_type_message_status_and_request_id_from_an_AWS_error()
    {
        var error = Parse(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.ecs#ClusterNotFoundException","message":"Cluster not found."}""");

        Assert.Equal("ClusterNotFoundException", error.ErrorCode);
        Assert.Equal(AwsErrorKind.NotFound, error.Kind);
        Assert.Equal(400, error.HttpStatusCode);
        Assert.Equal("rid", error.RequestId);
        Assert.Equal("ecs DescribeServices failed: ClusterNotFoundException: Cluster not found.", error.Message);
    }

    [Fact]
    public void Accepts_capitalised_Message()
    {
        var error = Parse(HttpStatusCode.BadRequest, """{"__type":"AccessDeniedException","Message":"not authorized"}""");

        Assert.Contains("not authorized", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_type_wins_over_the_header()
    {
        var error = Parse(HttpStatusCode.BadRequest, """{"__type":"ClientException","message":"m"}""", header: "ServerException");

        Assert.Equal("ClientException", error.ErrorCode);
    }

    [Fact]
    public void Header_supplies_the_code_when_the_body_has_none()
    {
        var error = Parse(HttpStatusCode.BadRequest, """{"message":"slow down"}""", header: "ThrottlingException:http://internal");

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal(AwsErrorKind.Retryable, error.Kind);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html><title>502 Bad Gateway</title></html>", "Http502", AwsErrorKind.Retryable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "", "Http503", AwsErrorKind.Retryable)]
    [InlineData(HttpStatusCode.Forbidden, "Forbidden by proxy", "Http403", AwsErrorKind.Terminal)]
    [InlineData(HttpStatusCode.BadRequest, "[1,2]", "Http400", AwsErrorKind.Terminal)]
    [InlineData(HttpStatusCode.InternalServerError, "{\"truncated\":", "Http500", AwsErrorKind.Retryable)]
    public void Non_AWS_bodies_still_give_a_clear_error_naming_the_status(HttpStatusCode status, string body, string code, AwsErrorKind kind)
    {
        var error = Parse(status, body);

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(kind, error.Kind);
        Assert.Contains($"HTTP {(int)status}", error.Message, StringComparison.Ordinal);
        Assert.Contains("ecs DescribeServices", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_bodies_are_cut_to_a_readable_excerpt()
    {
        var error = Parse(HttpStatusCode.InternalServerError, "<html>" + new string('x', 10_000) + "</html>");

        Assert.True(error.Message.Length < 400, $"message is {error.Message.Length} characters");
        Assert.EndsWith("…", error.Message, StringComparison.Ordinal);
    }
}
