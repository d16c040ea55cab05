using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Core.TaskDefinitions;

/// <summary>A RegisterTaskDefinition request and the spec hash it carries in its tags.</summary>
public sealed record TranslatedTaskDefinition(RegisterTaskDefinitionRequest Request, string SpecHash);
