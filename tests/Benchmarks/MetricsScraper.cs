using System.Globalization;
using System.Net.Http.Headers;
using EcsOperator.KubeApiServer;
using EcsOperator.Testing;

namespace EcsOperator.Benchmarks;

/// <summary>
/// Scrapes the operator's <c>/metrics</c> as a deployment's Prometheus would: over HTTPS (the operator's
/// self-signed certificate, not verified, as controller-runtime's scrapers do) with a bearer token that the API
/// server's TokenReview knows and RBAC allows <c>get</c> on <c>/metrics</c>. No unauthenticated listener is used.
/// </summary>
public sealed class MetricsScraper : IDisposable
{
    private const string Token = "bench-scraper-token";
    private const string User = "system:serviceaccount:monitoring:bench-scraper";
    private readonly HttpClient _http;

    private MetricsScraper(int port)
    {
        Port = port;
        _http = new HttpClient(new HttpClientHandler
        {
            // The operator's certificate is self-signed per process; the bearer token is what authenticates.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        })
        {
            BaseAddress = new Uri($"https://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    /// <summary>The port the operator's metrics listener is told to use.</summary>
    public int Port { get; }

    /// <summary>Registers the scraper's token and its RBAC grant in the API server, and picks a free port.</summary>
    public static MetricsScraper Create(KubeApiTestServer kube)
    {
        kube.AccessReviews.AddToken(Token, User, "system:serviceaccounts");
        kube.AccessReviews.AllowNonResource(User, "get", "/metrics");
        return new MetricsScraper(FreePort());
    }

    /// <summary>A free port below the kernel's ephemeral range, as a deployment's fixed ports are.</summary>
    public static int FreePort() => ListenPorts.Free();

    /// <summary>The value of every sample of <paramref name="metric"/> (Prometheus name), summed by the value of <paramref name="label"/>.</summary>
    public async Task<IReadOnlyDictionary<string, double>> SumByAsync(string metric, string label, CancellationToken cancellationToken)
    {
        var text = await _http.GetStringAsync("metrics", cancellationToken);
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || line.Length <= metric.Length || line[metric.Length] is not ('{' or ' '))
                continue;
            var close = line.LastIndexOf('}');
            var labels = close > 0 ? line[(metric.Length + 1)..close] : string.Empty;
            var value = line[(close > 0 ? close + 1 : metric.Length)..].Trim().Split(' ')[0];
            var key = LabelValue(labels, label) ?? string.Empty;
            sums[key] = sums.GetValueOrDefault(key) + double.Parse(value, CultureInfo.InvariantCulture);
        }

        return sums;
    }

    public void Dispose() => _http.Dispose();

    private static string? LabelValue(string labels, string name)
    {
        var start = labels.IndexOf(name + "=\"", StringComparison.Ordinal);
        while (start > 0 && labels[start - 1] != ',' && labels[start - 1] != '{')
            start = labels.IndexOf(name + "=\"", start + 1, StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += name.Length + 2;
        return labels[start..labels.IndexOf('"', start)];
    }
}
