namespace EcsOperator.Api.Crds;

/// <summary>An <c>additionalPrinterColumns</c> entry: a column of <c>kubectl get</c>.</summary>
/// <param name="Name">The column header.</param>
/// <param name="Type">The OpenAPI type of the value: string, integer, number, boolean or date.</param>
/// <param name="JsonPath">The JSONPath of the value, relative to the object.</param>
/// <param name="Description">What the column shows.</param>
/// <param name="Priority">0 shows it by default, higher only with <c>-o wide</c>.</param>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description, int Priority = 0);
