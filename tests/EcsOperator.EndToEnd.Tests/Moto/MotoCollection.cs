using EcsOperator.Testing.Moto;
using Xunit;

namespace EcsOperator.EndToEnd.Tests.Moto;

/// <summary>
/// One moto_server for every end-to-end test against moto; they run one at a time because each resets it. When
/// moto_server is not installed the fixture fails every test in the collection with the way to install it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto-e2e";
}
