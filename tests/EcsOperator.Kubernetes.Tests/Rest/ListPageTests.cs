using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Rest;

/// <summary>A list page is read as a stream (not buffered by the HTTP client), still within the request timeout.</summary>
public sealed class ListPageTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_whose_body_stops_arriving_fails_as_a_timeout_and_a_whole_page_decodes()
    {
        const string Page = """{"apiVersion":"test.example.com/v1","kind":"WidgetList","metadata":{"resourceVersion":"10","continue":"next"},"items":[{"apiVersion":"test.example.com/v1","kind":"Widget","metadata":{"name":"a","namespace":"default","resourceVersion":"5"},"spec":{"size":1}},{"apiVersion":"test.example.com/v1","kind":"Widget","metadata":{"name":"b","namespace":"default","resourceVersion":"6"},"spec":{"size":2}}]}""";
        using var whole = new PageHandler(Page, stallAfter: null);
        using var wholeClient = Client(whole);
        var page = await wholeClient.Resource(Widget.Type, TestJsonContext.Default.Widget).ListAsync("default", new ListOptions { Limit = 2 }, Ct);
        Assert.Equal([("a", 1), ("b", 2)], page.Items.Select(w => (w.Metadata.Name!, w.Spec.Size)));
        Assert.Equal(("10", "next"), (page.ResourceVersion, page.Continue));

        // Headers and half the page, then nothing: the list fails within the timeout instead of waiting forever.
        using var stalled = new PageHandler(Page, stallAfter: Page.Length / 2);
        using var stalledClient = Client(stalled);
        var started = DateTime.UtcNow;
        var e = await Assert.ThrowsAsync<ServerErrorException>(() =>
            stalledClient.Resource(Widget.Type, TestJsonContext.Default.Widget).ListAsync("default", null, Ct));
        Assert.Equal(KubernetesErrorReason.Timeout, e.Reason);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(20));
    }

    private static KubernetesClient Client(DelegatingHandler handler) => new(
        new k8s.KubernetesClientConfiguration { Host = "https://kube.test" },
        new KubernetesClientOptions { Qps = 1000, Burst = 1000, RequestTimeout = TimeSpan.FromMilliseconds(500) }, handlers: [handler]);

    /// <summary>Answers every request with <paramref name="page"/>; with <paramref name="stallAfter"/>, only that many bytes, then holds the body open.</summary>
    private sealed class PageHandler(string page, int? stallAfter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(page);
            HttpContent content = stallAfter is { } n ? new StreamContent(new HeldOpenStream(bytes[..n])) : new ByteArrayContent(bytes);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
