namespace EcsOperator.Aws.Paging;

/// <summary>
/// Follows <c>nextToken</c> pagination to the end. AWS signals the last page by omitting the token; a token that
/// comes back twice would loop forever, so it is treated as an error instead.
/// </summary>
public static class Pages
{
    /// <summary>Sends the first request, then one per returned token, and concatenates the items of every page.</summary>
    /// <param name="first">The request for the first page (its token, if any, is where paging starts).</param>
    /// <param name="send">Sends one page request.</param>
    /// <param name="withToken">Copies the request with the next page's token.</param>
    /// <param name="items">The items of one page (absent means none).</param>
    /// <param name="nextToken">The token of the page after this one, absent on the last page.</param>
    public static async Task<IReadOnlyList<TItem>> CollectAsync<TRequest, TResponse, TItem>(
        TRequest first,
        Func<TRequest, CancellationToken, Task<TResponse>> send,
        Func<TRequest, string, TRequest> withToken,
        Func<TResponse, IReadOnlyList<TItem>?> items,
        Func<TResponse, string?> nextToken,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(withToken);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(nextToken);

        var all = new List<TItem>();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        var request = first;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await send(request, cancellationToken);
            if (items(page) is { } pageItems)
                all.AddRange(pageItems);

            var token = nextToken(page);
            if (string.IsNullOrEmpty(token))
                return all;
            if (!seenTokens.Add(token))
                throw new InvalidOperationException(
                    $"Pagination returned the token '{token}' twice; stopping instead of looping forever.");
            request = withToken(request, token);
        }
    }
}
