using System.Text.Json.Serialization.Metadata;

namespace EcsOperator.Aws.Transport;

/// <summary>
/// Sends one AWS JSON 1.1 request and returns the typed response: signing, retries, rate limiting, error mapping
/// and telemetry live behind this seam, so the typed ECS and Application Auto Scaling clients are only shapes.
/// </summary>
public interface IAwsJsonTransport
{
    /// <exception cref="AwsServiceException">AWS answered with an error, or the call could not be completed.</exception>
    Task<TResponse> SendAsync<TRequest, TResponse>(
        AwsOperation operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken);
}
