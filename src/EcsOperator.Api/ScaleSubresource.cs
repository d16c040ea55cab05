namespace EcsOperator.Api;

/// <summary>The <c>scale</c> subresource of a kind, so <c>kubectl scale</c> and HPA-style tools can drive it.</summary>
public sealed record ScaleSubresource(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath = null);
