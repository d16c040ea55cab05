using System.Collections.Concurrent;
using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Credentials;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Resilience;
using EcsOperator.Aws.Transport;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Aws.Principals;

/// <summary>
/// Gives each namespace the clients of its own AWS principal: the role <see cref="INamespaceRoles"/> names, assumed
/// with sts:AssumeRole (RoleSessionName <c>ecs-operator-&lt;namespace&gt;</c>, session tag
/// <c>k8s-namespace=&lt;namespace&gt;</c>), or the operator's own clients where the mapping allows it. All namespaces
/// share one HttpClient and one set of rate limiters (ECS throttles per account, not per principal). A namespace with
/// neither gets <see cref="NamespacePrincipalRefusedException"/>, before any call.
/// </summary>
public sealed class AssumedRoleAwsClients : IAwsClientsForNamespace, IDisposable
{
    private readonly INamespaceRoles _roles;
    private readonly AwsClients _operatorClients;
    private readonly StsRoleAssumer _sts;
    private readonly HttpClient _httpClient;
    private readonly AwsClientOptions _options;
    private readonly AssumedRoleOptions _roleOptions;
    private readonly AwsRateLimiters _rateLimiters;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ConcurrentDictionary<string, NamespaceSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _replace = new();

    /// <param name="roles">Namespace to principal (the host reads its informer caches).</param>
    /// <param name="operatorClients">The operator's own clients, for namespaces mapped to <see cref="NamespaceRole.OperatorPrincipal"/>.</param>
    /// <param name="sts">Assumes the namespace roles, signed by the operator's own credentials.</param>
    /// <param name="httpClient">Shared by every namespace's transport.</param>
    /// <param name="options">Region, endpoints, retry and rate-limit settings (credentials are replaced per namespace).</param>
    /// <param name="roleOptions">Session duration and refresh margin.</param>
    /// <param name="rateLimiters">Shared by every namespace's transport.</param>
    /// <param name="timeProvider">Clock for signing, backoff and session expiry.</param>
    /// <param name="loggerFactory">Loggers of the per-namespace transports.</param>
    public AssumedRoleAwsClients(
        INamespaceRoles roles,
        AwsClients operatorClients,
        StsRoleAssumer sts,
        HttpClient httpClient,
        AwsClientOptions options,
        AssumedRoleOptions roleOptions,
        AwsRateLimiters rateLimiters,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(operatorClients);
        ArgumentNullException.ThrowIfNull(sts);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(roleOptions);
        ArgumentNullException.ThrowIfNull(rateLimiters);
        _roles = roles;
        _operatorClients = operatorClients;
        _sts = sts;
        _httpClient = httpClient;
        _options = options;
        _roleOptions = roleOptions;
        _rateLimiters = rateLimiters;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory;
    }

    /// <exception cref="NamespacePrincipalRefusedException">The namespace may not use any principal.</exception>
    public AwsClients For(string @namespace)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        var role = _roles.For(@namespace);
        if (role.Refusal is { } refusal)
        {
            throw new NamespacePrincipalRefusedException(@namespace, refusal);
        }

        if (role.RoleArn is not { } roleArn)
        {
            return _operatorClients;
        }

        if (_sessions.TryGetValue(@namespace, out var session) && session.RoleArn == roleArn)
        {
            return session.Clients;
        }

        lock (_replace)
        {
            // The policy may have named another role since: a new session, never the old role's credentials.
            if (_sessions.TryGetValue(@namespace, out session) && session.RoleArn == roleArn)
            {
                return session.Clients;
            }

            var created = CreateSession(@namespace, roleArn);
            // A replaced session is left to the GC, not disposed: calls in flight may still be using its clients.
            _sessions[@namespace] = created;
            return created.Clients;
        }
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }

        _sessions.Clear();
    }

    private NamespaceSession CreateSession(string @namespace, string roleArn)
    {
        var sessionName = RoleSessionName.For(@namespace);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { [AssumedRoleOptions.NamespaceTagKey] = @namespace };
        var credentials = new AssumedRoleCredentials(
            cancellationToken => _sts.AssumeAsync(roleArn, sessionName, _roleOptions.SessionDuration, tags, cancellationToken),
            _roleOptions.RefreshBefore,
            _timeProvider);
        var transport = new AwsJsonTransport(
            _httpClient,
            _options,
            _timeProvider,
            environment: null,
            new AwsCredentialsSource(_ => Task.FromResult<Amazon.Runtime.AWSCredentials>(credentials)),
            _rateLimiters,
            _loggerFactory?.CreateLogger<AwsJsonTransport>());
        return new NamespaceSession(roleArn, new AwsClients(new EcsClient(transport), new ApplicationAutoScalingClient(transport)), credentials, transport);
    }

    private sealed record NamespaceSession(string RoleArn, AwsClients Clients, AssumedRoleCredentials Credentials, AwsJsonTransport Transport) : IDisposable
    {
        public void Dispose()
        {
            // The transport owns nothing shared: the HttpClient and rate limiters stay with the caller.
            Transport.Dispose();
            Credentials.Dispose();
        }
    }
}
