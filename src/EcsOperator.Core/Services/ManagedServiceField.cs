using EcsOperator.Core.Diffing;

namespace EcsOperator.Core.Services;

/// <summary>
/// A top-level CreateService field the operator manages on a live service.
/// </summary>
/// <param name="Name">The JSON name, the same in CreateService, UpdateService and DescribeServices.</param>
/// <param name="Kind">How ECS applies a change to it.</param>
/// <param name="ManagedWhenAbsent">
/// A spec that omits the field still wants ECS's default (an empty list, false, NONE): removing load balancers from
/// the spec removes them from the service. Fields whose default ECS derives from elsewhere (launch type from the
/// cluster's capacity providers, platform version) are left alone when the spec omits them.
/// </param>
public sealed record ManagedServiceField(string Name, ChangeKind Kind, bool ManagedWhenAbsent = false);
