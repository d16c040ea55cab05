namespace EcsOperator.Observability.MetricsAuth;

/// <summary>The answer to a scrape: served, or refused with 401 (who?) or 403 (not allowed).</summary>
public enum MetricsAccess
{
    Allowed,
    Unauthenticated,
    Forbidden,
}
