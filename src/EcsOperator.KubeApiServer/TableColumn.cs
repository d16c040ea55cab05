namespace EcsOperator.KubeApiServer;

/// <summary>One <c>additionalPrinterColumns</c> entry of a CRD version: what <c>kubectl get</c> shows as a column.</summary>
public sealed record TableColumn(string Name, string Type, string JsonPath)
{
    public string? Format { get; init; }

    public string? Description { get; init; }

    /// <summary>Above 0: shown by <c>kubectl get -o wide</c> only.</summary>
    public int Priority { get; init; }
}
