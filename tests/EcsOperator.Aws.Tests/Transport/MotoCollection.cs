using Xunit;
using EcsOperator.Testing.Moto;

namespace EcsOperator.Aws.Tests.Transport;

/// <summary>One moto_server for all tests in the collection; they run one at a time because each resets it.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
