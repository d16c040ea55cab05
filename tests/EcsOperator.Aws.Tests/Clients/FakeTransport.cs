using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.Tests.Clients;

/// <summary>
/// An <see cref="IAwsJsonTransport"/> that records each call as its operation and the request's wire JSON, and
/// answers with JSON text from <see cref="Respond"/>, read through the real response metadata.
/// </summary>
internal sealed class FakeTransport : IAwsJsonTransport
{
    private readonly List<(AwsOperation Operation, JsonObject Request)> _calls = [];

    /// <summary>The JSON body AWS would answer with; receives the operation and the request as sent.</summary>
    public Func<AwsOperation, JsonObject, string> Respond { get; set; } = (_, _) => "{}";

    public IReadOnlyList<(AwsOperation Operation, JsonObject Request)> Calls
    {
        get
        {
            lock (_calls)
                return [.. _calls];
        }
    }

    public Task<TResponse> SendAsync<TRequest, TResponse>(
        AwsOperation operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = JsonSerializer.SerializeToNode(request, requestType)!.AsObject();
        lock (_calls)
            _calls.Add((operation, body));
        return Task.FromResult(JsonSerializer.Deserialize(Respond(operation, body), responseType)!);
    }
}
