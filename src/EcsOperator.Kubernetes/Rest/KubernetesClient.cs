using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Diagnostics;
using EcsOperator.Kubernetes.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>
/// The REST client: client-side rate limiting (QPS/burst), bounded Retry-After retries for 429, and Status bodies
/// mapped to typed exceptions. Connection, TLS (CA, insecure-skip-tls-verify, client certificate) and authentication
/// (static token, rotated token file, exec plugin) are set up from KubernetesClient's configuration
/// (<see cref="KubernetesTransport"/>).
/// </summary>
public sealed class KubernetesClient : IKubernetesClient, IDisposable
{
    private readonly KubernetesTransport _transport;
    private readonly HttpClient _http;
    private readonly k8s.KubernetesClientConfiguration _configuration;
    private readonly KubernetesClientOptions _options;
    private readonly TokenBucket _rateLimiter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="handlers">Extra handlers in front of the connection (tests script the API server with one).</param>
    public KubernetesClient(k8s.KubernetesClientConfiguration configuration, KubernetesClientOptions? options = null,
        TimeProvider? timeProvider = null, ILogger<KubernetesClient>? logger = null, IReadOnlyList<DelegatingHandler>? handlers = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
        _options = options ?? new KubernetesClientOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _rateLimiter = new TokenBucket(_options.Qps, _options.Burst, _time);
        try
        {
            _transport = KubernetesTransport.Create(configuration, handlers);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or System.Security.Cryptography.CryptographicException or IOException or FormatException)
        {
            throw new KubernetesConfigException(null, null, $"cannot set up the Kubernetes client: {e.Message}", e);
        }

        _http = _transport.Http;
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public string DefaultNamespace => string.IsNullOrEmpty(_configuration.Namespace) ? "default" : _configuration.Namespace;

    /// <summary>The KubernetesClient configuration this client was built from.</summary>
    public k8s.KubernetesClientConfiguration Configuration => _configuration;

    public IResourceClient<T> Resource<T>(ResourceType type, JsonTypeInfo<T> typeInfo)
        where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return new ResourceClient<T>(this, type, typeInfo);
    }

    /// <summary>
    /// Raised for every listed or watched object that was skipped because it could not be decoded (also logged as a
    /// warning and counted in <c>k8s.client.decode.failures</c>). Handlers run on the informer's thread: keep them short.
    /// </summary>
    public event EventHandler<DecodeFailure>? DecodeFailed;

    public void Dispose() => _transport.Dispose();

    /// <summary>Logs, counts and raises <see cref="DecodeFailed"/> for an object a list or watch skipped.</summary>
    internal void ReportDecodeFailure(DecodeFailure failure)
    {
        _logger.LogWarning("Skipped {Resource} {Namespace}/{Name} (uid {Uid}) from a {Verb}: it cannot be decoded: {Reason}",
            failure.Type.GroupResource, failure.Namespace, failure.Name, failure.Uid, failure.Verb, failure.Reason);
        KubernetesTelemetry.DecodeFailures.Add(1, new KeyValuePair<string, object?>("resource", failure.Type.GroupResource), new KeyValuePair<string, object?>("verb", failure.Verb));
        try
        {
            DecodeFailed?.Invoke(this, failure);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A reporting handler must not turn one bad object into a stopped informer.
            _logger.LogWarning(e, "A DecodeFailed handler threw");
        }
    }

    /// <summary>How long a request may take (a watch excepted).</summary>
    internal TimeSpan RequestTimeout => _options.RequestTimeout;

    /// <summary>
    /// Sends a request and returns a successful response (the caller disposes it), or throws
    /// <see cref="KubernetesApiException"/>. A non-<paramref name="streaming"/> request's body is read before this
    /// returns unless <paramref name="bufferBody"/> is false (the caller then reads it within its own timeout).
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, byte[]? body, string? contentType,
        string verb, ResourceType type, bool streaming, CancellationToken cancellationToken, bool bufferBody = true)
    {
        for (var attempt = 0; ; attempt++)
        {
            await _rateLimiter.WaitAsync(cancellationToken);
            using var activity = KubernetesTelemetry.ActivitySource.StartActivity($"k8s {verb} {type.GroupResource}", ActivityKind.Client);
            activity?.SetTag("k8s.verb", verb);
            activity?.SetTag("k8s.resource", type.GroupResource);
            activity?.SetTag("url.path", pathAndQuery);

            // Relative to the base address, which ends with '/': a server URL with a path (a proxy such as Rancher's
            // https://host/k8s/clusters/c-x) keeps it; an absolute "/apis/..." would replace it.
            using var request = new HttpRequestMessage(method, pathAndQuery.TrimStart('/'));
            if (body is not null)
            {
                // The body is UTF-8 JSON already (serialized straight to bytes): no UTF-16 string encoded again per attempt.
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
            }

            if (!string.IsNullOrWhiteSpace(_configuration.TlsServerName))
            {
                // As the library does: the Host header is also the TLS server name .NET checks and sends as SNI.
                request.Headers.Host = _configuration.TlsServerName;
            }

            if (_transport.Credentials is { } credentials)
            {
                // Token providers refresh on their own schedule: token files every minute, exec plugins near expiry.
                await credentials.ProcessHttpRequestAsync(request, cancellationToken);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (!streaming)
            {
                timeout.CancelAfter(_options.RequestTimeout);
            }

            var started = _time.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, streaming || !bufferBody ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, timeout.Token);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                activity?.SetStatus(ActivityStatusCode.Error, "timeout");
                throw new ServerErrorException(KubernetesErrorReason.Timeout, 0, new Status { Reason = "Timeout" },
                    $"{verb} {pathAndQuery}: no response within {_options.RequestTimeout.TotalSeconds:0} s", e);
            }

            var code = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", code);
            var tags = new TagList { { "verb", verb }, { "resource", type.GroupResource }, { "code", code } };
            KubernetesTelemetry.ApiRequests.Add(1, tags);
            KubernetesTelemetry.ApiRequestDuration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                activity?.SetStatus(ActivityStatusCode.Error, code.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var status = await ReadStatusAsync(response, cancellationToken);
                var retryAfter = RetryAfter(response, status);
                var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (code >= 500 && retryAfter is not null);
                if (retryable && attempt < _options.MaxRetries)
                {
                    var delay = retryAfter ?? TimeSpan.FromSeconds(1);
                    if (delay > _options.MaxRetryAfter)
                    {
                        delay = _options.MaxRetryAfter;
                    }

                    _logger.LogDebug("{Verb} {Path} got {Code}; retrying after {Delay}", verb, pathAndQuery, code, delay);
                    await Task.Delay(delay, _time, cancellationToken);
                    continue;
                }

                throw KubernetesApiException.From(code, status, $"{verb} {pathAndQuery}", retryAfter);
            }
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, Status? status)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta)
            {
                return delta;
            }

            if (header.Date is { } date)
            {
                var d = date - DateTimeOffset.UtcNow;
                return d > TimeSpan.Zero ? d : TimeSpan.Zero;
            }
        }

        return status?.Details?.RetryAfterSeconds is > 0 and var s ? TimeSpan.FromSeconds(s) : null;
    }

    private static async Task<Status?> ReadStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        try
        {
            var status = JsonSerializer.Deserialize(text, KubernetesModelJsonContext.Default.Status);
            if (status is not null && status.Kind == "Status")
            {
                return status;
            }
        }
        catch (JsonException)
        {
        }

        // Not a Status (a proxy's HTML page, say): keep the text so the error still says something useful.
        var snippet = text.Length > 300 ? text[..300] : text;
        return new Status { Code = (int)response.StatusCode, Outcome = "Failure", Message = snippet.Trim() };
    }
}
