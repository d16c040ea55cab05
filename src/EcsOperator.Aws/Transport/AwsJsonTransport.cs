using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using EcsOperator.Aws.Credentials;
using EcsOperator.Aws.Resilience;
using EcsOperator.Aws.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;

namespace EcsOperator.Aws.Transport;

/// <summary>
/// AWS JSON 1.1 over HTTPS: POST of the source-generated JSON request with <c>X-Amz-Target</c>, signed with the
/// AWS SDK's SigV4 signer, behind a client-side rate limiter, retries and timeouts, with one span per call.
/// </summary>
public sealed partial class AwsJsonTransport : IAwsJsonTransport, IDisposable
{
    /// <summary>The AWS JSON 1.1 media type (no charset: AWS rejects variations).</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    private static readonly MediaTypeHeaderValue ContentTypeHeader = new(ContentType);

    /// <summary>Identifies the operator in CloudTrail and AWS-side request logs.</summary>
    private static readonly ProductInfoHeaderValue UserAgent = new(
        "ecs-operator", typeof(AwsJsonTransport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private readonly HttpClient _httpClient;
    private readonly AwsClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Func<string, string?> _environment;
    private readonly AwsCredentialsSource _credentials;
    private readonly AwsRateLimiters _rateLimiters;
    private readonly bool _ownsRateLimiters;
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _nonIdempotentPipeline;
    private readonly ILogger _logger;
    private readonly Lazy<ResolvedLocation> _location;

    /// <param name="httpClient">The client requests go through (its Timeout is not used: the pipeline's timeouts apply).</param>
    /// <param name="options">Region, endpoints, credentials, retry and rate-limit settings.</param>
    /// <param name="timeProvider">Clock for signing, backoff and timeouts (default: system).</param>
    /// <param name="environment">Environment variable reader for region/endpoint fallbacks (default: the process environment).</param>
    /// <param name="credentials">Credential source (default: from <paramref name="options"/> and the SDK chain).</param>
    /// <param name="rateLimiters">Shared token buckets (default: a private set from <paramref name="options"/>).</param>
    /// <param name="logger">Logger for retries.</param>
    public AwsJsonTransport(
        HttpClient httpClient,
        AwsClientOptions options,
        TimeProvider? timeProvider = null,
        Func<string, string?>? environment = null,
        AwsCredentialsSource? credentials = null,
        AwsRateLimiters? rateLimiters = null,
        ILogger<AwsJsonTransport>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _credentials = credentials ?? new AwsCredentialsSource(options);
        _ownsRateLimiters = rateLimiters is null;
        _rateLimiters = rateLimiters ?? new AwsRateLimiters(options.RateLimits);
        _pipeline = AwsResiliencePipeline.Create(options.Retry, _timeProvider);
        _nonIdempotentPipeline = AwsResiliencePipeline.Create(options.Retry, _timeProvider, idempotent: false);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        // PublicationOnly: a configuration error is not cached, so fixing the environment and retrying works.
        _location = new Lazy<ResolvedLocation>(ResolveLocation, LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The resolved region (throws <see cref="AwsConfigurationException"/> when there is none).</summary>
    public string Region => _location.Value.Region;

    /// <summary>The endpoint requests for <paramref name="service"/> go to.</summary>
    public Uri EndpointFor(AwsService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var location = _location.Value;
        if (service == AwsService.Ecs)
        {
            return location.Ecs;
        }

        if (service == AwsService.ApplicationAutoScaling)
        {
            return location.ApplicationAutoScaling;
        }

        return AwsEndpoints.Resolve(service, location.Region, null, _environment);
    }

    /// <summary>
    /// Resolves region, endpoints and credentials now, so a host can fail at startup with the one clear message
    /// instead of on the first reconcile.
    /// </summary>
    /// <exception cref="AwsConfigurationException">Something needed is not configured; the message says what to set.</exception>
    public async Task ValidateConfigurationAsync(CancellationToken cancellationToken)
    {
        _ = _location.Value;
        _ = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        AwsOperation operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(requestType);
        ArgumentNullException.ThrowIfNull(responseType);
        var location = _location.Value;
        var endpoint = EndpointFor(operation.Service);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);

        var call = new CallState(operation, endpoint, location.Region);
        var started = _timeProvider.GetTimestamp();
        using var activity = AwsTelemetry.StartCall(operation, endpoint, location.Region);
        var serviceName = AwsTelemetry.ServiceName(operation.Service);
        string outcome = "success";
        string? errorType = null;
        try
        {
            var pipeline = operation.Idempotent ? _pipeline : _nonIdempotentPipeline;
            var responseBody = await pipeline.ExecuteAsync(
                static async (state, attemptToken) => await state.Transport.AttemptAsync(state.Call, state.Body, attemptToken).ConfigureAwait(false),
                (Transport: this, Call: call, Body: body),
                cancellationToken).ConfigureAwait(false);
            try
            {
                return JsonSerializer.Deserialize(responseBody.Length == 0 ? "{}"u8 : responseBody, responseType)
                    ?? throw new JsonException("the response body was JSON null");
            }
            catch (JsonException e)
            {
                throw new AwsServiceException(
                    "InvalidResponse",
                    $"{call.Where} returned a response that is not a valid {typeof(TResponse).Name}: {e.Message}",
                    200,
                    call.LastRequestId,
                    AwsErrorKind.Terminal,
                    e);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            errorType = "cancelled";
            throw;
        }
        catch (TimeoutRejectedException e)
        {
            var error = TimeoutError(call, e);
            outcome = AwsTelemetry.Outcome(error.Kind);
            errorType = error.ErrorCode;
            activity?.SetTag("aws.request_id", error.RequestId);
            throw error;
        }
        catch (AwsServiceException e)
        {
            outcome = AwsTelemetry.Outcome(e.Kind);
            errorType = e.ErrorCode;
            if (e.HttpStatusCode is { } status)
            {
                activity?.SetTag("http.response.status_code", status);
            }

            throw;
        }
        finally
        {
            if (activity is not null)
            {
                activity.SetTag("aws.request_id", call.LastRequestId);
                activity.SetTag("aws.attempts", call.Attempts);
                if (errorType is not null)
                {
                    activity.SetTag("error.type", errorType);
                    activity.SetStatus(ActivityStatusCode.Error, errorType);
                }
            }

            var tags = new TagList
            {
                { "rpc.system", "aws-api" },
                { "rpc.service", serviceName },
                { "rpc.method", operation.Name },
                { "outcome", outcome },
            };
            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            AwsTelemetry.Calls.Add(1, tags);
            AwsTelemetry.Duration.Record(_timeProvider.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private async ValueTask<byte[]> AttemptAsync(CallState call, byte[] body, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref call.Attempts);
        var methodTags = new TagList
        {
            { "rpc.system", "aws-api" },
            { "rpc.service", AwsTelemetry.ServiceName(call.Operation.Service) },
            { "rpc.method", call.Operation.Name },
        };
        if (attempt > 1)
        {
            AwsTelemetry.Retries.Add(1, methodTags);
            LogRetry(_logger, call.Where, attempt, call.LastError?.Message);
        }

        if (await _rateLimiters.WaitForTokenAsync(call.Operation, cancellationToken).ConfigureAwait(false))
        {
            AwsTelemetry.RateLimitWaits.Add(1, methodTags);
        }

        var credentials = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        using var message = await CreateSignedRequestAsync(call, body, credentials, cancellationToken).ConfigureAwait(false);
        try
        {
            using var response = await _httpClient
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            var requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id");
            call.LastRequestId = requestId;
            var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return responseBody;
            }

            var error = AwsErrorResponse.Parse(
                call.Operation, response.StatusCode, Header(response, "x-amzn-ErrorType"), requestId, responseBody);
            if (AwsErrorClassifier.IsThrottling(error.ErrorCode, error.HttpStatusCode))
            {
                AwsTelemetry.Throttles.Add(1, methodTags);
            }

            call.LastError = error;
            throw error;
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            var error = new AwsServiceException(
                "ConnectionFailure",
                $"{call.Where} failed: could not reach {call.Endpoint.GetLeftPart(UriPartial.Authority)}: {e.Message}",
                null,
                null,
                AwsErrorKind.Retryable,
                e)
            {
                // Only a connection that was never made proves the request did not reach AWS.
                OutcomeUnknown = !NeverConnected(e),
            };
            call.LastError = error;
            throw error;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            call.LastError = new AwsServiceException(
                "RequestTimeout",
                $"{call.Where} attempt {attempt} got no response within {_options.Retry.AttemptTimeout}",
                null,
                null,
                AwsErrorKind.Retryable);
            throw;
        }
    }

    private static bool NeverConnected(Exception e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };

    private async Task<HttpRequestMessage> CreateSignedRequestAsync(
        CallState call, byte[] body, ImmutableCredentials credentials, CancellationToken cancellationToken)
    {
        var signingRequest = new AWSSigningRequest
        {
            HttpMethod = HttpMethod.Post,
            RequestUri = call.Endpoint,
            Content = body,
        };
        signingRequest.Headers["Content-Type"] = ContentType;
        signingRequest.Headers["X-Amz-Target"] = call.Operation.Target;
        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials.UseToken
                ? new SessionAWSCredentials(credentials.AccessKey, credentials.SecretKey, credentials.Token)
                : new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey),
            Region = RegionEndpoint.GetBySystemName(call.Region),
            Service = call.Operation.Service.SigningName,
            SignedAt = _timeProvider.GetUtcNow().UtcDateTime,
        };
        var signed = await AWSSigV4Signer.SignAsync(signingRequest, parameters, cancellationToken).ConfigureAwait(false);

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = ContentTypeHeader;
        var message = new HttpRequestMessage(HttpMethod.Post, call.Endpoint) { Content = content };
        message.Headers.TryAddWithoutValidation("X-Amz-Target", call.Operation.Target);
        message.Headers.UserAgent.Add(UserAgent);
        foreach (var (name, value) in signed.Headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("Host", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("X-Amz-Target", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    /// <summary>Releases the rate limiters when this transport created them (shared ones belong to the container).</summary>
    public void Dispose()
    {
        if (_ownsRateLimiters)
        {
            _rateLimiters.Dispose();
        }
    }

    private AwsServiceException TimeoutError(CallState call, TimeoutRejectedException e)
    {
        var total = _options.Retry.TotalTimeout;
        var last = call.LastError;
        var text = e.Timeout == total
            ? $"{call.Where} did not complete within its total budget of {total} ({call.Attempts} attempt(s))" +
              (last is null ? "" : $"; last error: {last.Message}")
            : $"{call.Where} got no response within {e.Timeout} (attempt {call.Attempts} of {_options.Retry.MaxAttempts})";
        return new AwsServiceException("RequestTimeout", text, last?.HttpStatusCode, call.LastRequestId, AwsErrorKind.Retryable, e);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private ResolvedLocation ResolveLocation()
    {
        var region = AwsRegionResolver.Resolve(_options.Region, _options.Profile, _environment);
        return new ResolvedLocation(
            region,
            AwsEndpoints.Resolve(AwsService.Ecs, region, _options.EcsEndpoint, _environment),
            AwsEndpoints.Resolve(AwsService.ApplicationAutoScaling, region, _options.ApplicationAutoScalingEndpoint, _environment));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retrying {Operation} (attempt {Attempt}) after: {LastError}")]
    private static partial void LogRetry(ILogger logger, string operation, int attempt, string? lastError);

    private sealed record ResolvedLocation(string Region, Uri Ecs, Uri ApplicationAutoScaling);

    /// <summary>What the attempts of one call share: counts and the last error for the final message.</summary>
    private sealed class CallState(AwsOperation operation, Uri endpoint, string region)
    {
        public AwsOperation Operation { get; } = operation;
        public Uri Endpoint { get; } = endpoint;
        public string Region { get; } = region;
        public string Where { get; } = $"{operation.Service.SigningName} {operation.Name}";
        public int Attempts;
        public AwsServiceException? LastError { get; set; }
        public string? LastRequestId { get; set; }
    }
}
