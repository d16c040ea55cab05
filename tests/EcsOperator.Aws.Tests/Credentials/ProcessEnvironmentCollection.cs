using EcsOperator.Testing.Moto;
using Xunit;

namespace EcsOperator.Aws.Tests.Credentials;

/// <summary>
/// Tests that change process environment variables (the SDK's default credential chain reads them directly): they run
/// alone, after the parallel tests. Has its own moto_server for STS (IRSA).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "process environment";
}
