using Amazon.Runtime;

namespace EcsOperator.Aws.Credentials;

/// <summary>Temporary credentials of one assumed-role session and when they expire.</summary>
public sealed record AssumedRoleSession(ImmutableCredentials Credentials, DateTimeOffset Expiration);
