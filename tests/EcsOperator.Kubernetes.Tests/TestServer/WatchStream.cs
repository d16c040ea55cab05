using System.Text.Json.Nodes;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

/// <summary>Reads a watch response line by line with plain HttpClient.</summary>
internal sealed class WatchStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private WatchStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public System.Net.HttpStatusCode Status => _response.StatusCode;

    public static async Task<WatchStream> OpenAsync(HttpClient client, string pathAndQuery)
    {
        var response = await client.GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        return new WatchStream(response, new StreamReader(stream));
    }

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<JsonObject?> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        var line = await _reader.ReadLineAsync(cts.Token);
        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>Reads events until the stream ends.</summary>
    public async Task<List<JsonObject>> ReadToEndAsync(TimeSpan? timeout = null)
    {
        var events = new List<JsonObject>();
        while (await NextAsync(timeout) is { } e)
        {
            events.Add(e);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}
