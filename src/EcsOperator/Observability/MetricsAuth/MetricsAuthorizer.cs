using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using EcsOperator.Kubernetes.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcsOperator.Observability.MetricsAuth;

/// <summary>
/// Who may read /metrics, decided as controller-runtime's <c>filters.WithAuthenticationAndAuthorization</c> does: the
/// bearer token goes to a TokenReview, the user it names to a SubjectAccessReview for <c>get</c> on the non-resource
/// URL <c>/metrics</c>. Answers are cached per token for <see cref="CacheDuration"/> so a scrape every few seconds
/// costs the API server two requests a minute per scraper; errors are not cached.
/// </summary>
public sealed class MetricsAuthorizer
{
    /// <summary>How long an answer (allowed or not) is reused for the same token.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(1);

    private const int MaxCachedTokens = 1024;

    private readonly IResourceClient<TokenReview> _tokenReviews;
    private readonly IResourceClient<SubjectAccessReview> _accessReviews;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, (MetricsAccess Access, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public MetricsAuthorizer(IKubernetesClient client, TimeProvider? timeProvider = null, ILogger<MetricsAuthorizer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _tokenReviews = client.Resource(TokenReview.Type, AccessReviewJsonContext.Default.TokenReview);
        _accessReviews = client.Resource(SubjectAccessReview.Type, AccessReviewJsonContext.Default.SubjectAccessReview);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// The decision for an <c>Authorization</c> header value. Throws <see cref="KubernetesApiException"/> when the API
    /// server cannot answer (the caller answers 500, as controller-runtime does).
    /// </summary>
    public async Task<MetricsAccess> AuthorizeAsync(string? authorization, string path, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length == scheme.Length)
            return MetricsAccess.Unauthenticated;
        var token = authorization[scheme.Length..].Trim();
        // The cache key is a hash: the operator keeps no scraper's token in memory longer than the request.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path + "\n" + token)));
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
            return cached.Access;

        var access = await ReviewAsync(token, path, cancellationToken);
        if (_cache.Count >= MaxCachedTokens)
            _cache.Clear(); // a flood of distinct tokens must not grow memory; the next scrapes just review again
        _cache[key] = (access, now + CacheDuration);
        return access;
    }

    private async Task<MetricsAccess> ReviewAsync(string token, string path, CancellationToken cancellationToken)
    {
        var review = await _tokenReviews.CreateAsync(new TokenReview { Spec = new TokenReviewSpec { Token = token } }, cancellationToken);
        if (review.Status is not { Authenticated: true, User: { } user })
        {
            _logger.LogDebug("Scrape of {Path} refused: token not authenticated ({Error})", path, review.Status?.Error);
            return MetricsAccess.Unauthenticated;
        }

        var access = await _accessReviews.CreateAsync(new SubjectAccessReview
        {
            Spec = new SubjectAccessReviewSpec
            {
                User = user.Username,
                Uid = user.Uid,
                Groups = user.Groups,
                Extra = user.Extra,
                NonResourceAttributes = new NonResourceAttributes(path, "get"),
            },
        }, cancellationToken);
        if (access.Status is { Allowed: true })
            return MetricsAccess.Allowed;
        _logger.LogDebug("Scrape of {Path} by {User} forbidden: {Reason}", path, user.Username, access.Status?.Reason);
        return MetricsAccess.Forbidden;
    }
}
