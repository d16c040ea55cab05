using Xunit;
using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Credentials;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Principals;
using EcsOperator.Aws.Resilience;
using EcsOperator.Aws.Tests.Transport;

namespace EcsOperator.Aws.Tests.Principals;

public sealed class AssumedRoleAwsClientsTests : IAsyncLifetime
{
    private const string ShopRole = "arn:aws:iam::111122223333:role/ecs-operator-tenants/shop";
    private const string PaymentsRole = "arn:aws:iam::111122223333:role/ecs-operator-tenants/payments";
    private const string OperatorKey = "AKIDOPERATOR0000";

    private readonly Dictionary<string, NamespaceRole> _roles = new(StringComparer.Ordinal)
    {
        ["shop"] = NamespaceRole.Assume(ShopRole),
        ["payments"] = NamespaceRole.Assume(PaymentsRole),
        ["legacy"] = NamespaceRole.OperatorPrincipal,
        ["stranger"] = NamespaceRole.Refused("no EcsTenantPolicy selects it and the operator runs with --tenancy=strict"),
    };

    private readonly ManualTime _clock = new(DateTimeOffset.UtcNow);
    private LoopbackSts _sts = null!;
    private LoopbackAwsServer _ecs = null!;
    private HttpClient _http = null!;
    private AwsRateLimiters _limiters = null!;
    private StsRoleAssumer _assumer = null!;
    private AwsClients _operatorClients = null!;
    private AssumedRoleAwsClients _clients = null!;

    public async ValueTask InitializeAsync()
    {
        _sts = await LoopbackSts.StartAsync(_clock.GetUtcNow);
        _ecs = await LoopbackAwsServer.StartAsync((context, _) => LoopbackAwsServer.WriteJsonAsync(context, "{}"));
        var options = new AwsClientOptions
        {
            Region = "eu-west-1",
            EcsEndpoint = _ecs.Endpoint,
            ApplicationAutoScalingEndpoint = _ecs.Endpoint,
            AccessKeyId = OperatorKey,
            SecretAccessKey = "operator-secret",
        };
        _http = new HttpClient();
        _limiters = new AwsRateLimiters(options.RateLimits);
        _assumer = new StsRoleAssumer(new AwsCredentialsSource(options), () => "eu-west-1", _sts.Endpoint, _ => null);
        var operatorTransport = new EcsOperator.Aws.Transport.AwsJsonTransport(_http, options, null, _ => null, null, _limiters);
        _operatorClients = new AwsClients(new EcsClient(operatorTransport), new ApplicationAutoScalingClient(operatorTransport));
        _clients = new AssumedRoleAwsClients(
            new Roles(_roles), _operatorClients, _assumer, _http, options, new AssumedRoleOptions(), _limiters, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        _assumer.Dispose();
        _limiters.Dispose();
        _http.Dispose();
        await _ecs.DisposeAsync();
        await _sts.DisposeAsync();
    }

    private static Task CallAsync(AwsClients clients) =>
        clients.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = ["prod"] }, TestContext.Current.CancellationToken);

    private static string AccessKeyOf(ReceivedRequest request) =>
        request.Headers["Authorization"].Split("Credential=")[1].Split('/')[0];

    [Fact]
    public async Task Two_namespaces_call_ecs_under_two_assumed_role_sessions_with_their_namespace_tag()
    {
        await CallAsync(_clients.For("shop"));
        await CallAsync(_clients.For("payments"));

        Assert.Equal(2, _sts.Calls.Count);
        var shop = _sts.Calls.Single(c => c.RoleArn == ShopRole);
        var payments = _sts.Calls.Single(c => c.RoleArn == PaymentsRole);
        Assert.Equal("ecs-operator-shop", shop.SessionName);
        Assert.Equal("ecs-operator-payments", payments.SessionName);
        Assert.Equal(new Dictionary<string, string> { ["k8s-namespace"] = "shop" }, shop.Tags);
        Assert.Equal(new Dictionary<string, string> { ["k8s-namespace"] = "payments" }, payments.Tags);
        Assert.Equal(["k8s-namespace"], shop.TransitiveTagKeys);
        // AssumeRole itself is signed by the operator's own principal.
        Assert.All(_sts.Calls, c => Assert.Contains($"Credential={OperatorKey}/", c.Authorization, StringComparison.Ordinal));

        var ecsCalls = _ecs.Requests;
        Assert.Equal(2, ecsCalls.Count);
        Assert.Equal(shop.IssuedAccessKeyId, AccessKeyOf(ecsCalls[0]));
        Assert.Equal(shop.IssuedSessionToken, ecsCalls[0].Headers["X-Amz-Security-Token"]);
        Assert.Equal(payments.IssuedAccessKeyId, AccessKeyOf(ecsCalls[1]));
        Assert.Equal(payments.IssuedSessionToken, ecsCalls[1].Headers["X-Amz-Security-Token"]);
        Assert.NotEqual(AccessKeyOf(ecsCalls[0]), AccessKeyOf(ecsCalls[1]));
    }

    [Fact]
    public async Task Credentials_are_reused_until_near_expiry_with_one_sts_call_per_namespace_under_concurrency()
    {
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => CallAsync(_clients.For(i % 2 == 0 ? "shop" : "payments"))));
        Assert.Equal(2, _sts.Calls.Count);
        Assert.Equal(24, _ecs.Count);

        // 54 minutes into a one-hour session: still outside the 5-minute refresh margin.
        _clock.Advance(TimeSpan.FromMinutes(54));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CallAsync(_clients.For("shop"))));
        Assert.Equal(2, _sts.Calls.Count);

        // 56 minutes: renewed ahead of expiry, once, and the new session signs from then on.
        _clock.Advance(TimeSpan.FromMinutes(2));
        await CallAsync(_clients.For("shop"));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CallAsync(_clients.For("shop"))));
        Assert.Equal(3, _sts.Calls.Count);
        var renewed = _sts.Calls[2];
        Assert.Equal("ecs-operator-shop", renewed.SessionName);
        Assert.All(_ecs.Requests.TakeLast(9), r => Assert.Equal(renewed.IssuedAccessKeyId, AccessKeyOf(r)));
    }

    [Fact]
    public async Task A_namespace_mapped_to_the_operator_principal_gets_the_operator_clients()
    {
        Assert.Same(_operatorClients, _clients.For("legacy"));
        await CallAsync(_clients.For("legacy"));
        Assert.Empty(_sts.Calls);
        Assert.Equal(OperatorKey, AccessKeyOf(Assert.Single(_ecs.Requests)));
    }

    [Fact]
    public void A_refused_namespace_throws_before_any_call()
    {
        var refused = Assert.Throws<NamespacePrincipalRefusedException>(() => _clients.For("stranger"));
        Assert.Equal("stranger", refused.Namespace);
        Assert.Contains("--tenancy=strict", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_sts.Calls);
        Assert.Equal(0, _ecs.Count);
    }

    [Fact]
    public async Task A_new_role_for_a_namespace_starts_a_new_session_at_once()
    {
        await CallAsync(_clients.For("shop"));
        _roles["shop"] = NamespaceRole.Assume(PaymentsRole);
        await CallAsync(_clients.For("shop"));
        Assert.Equal([ShopRole, PaymentsRole], _sts.Calls.Select(c => c.RoleArn));
        Assert.Equal(_sts.Calls[1].IssuedAccessKeyId, AccessKeyOf(_ecs.Requests[1]));
    }

    [Theory]
    [InlineData("shop", "ecs-operator-shop")]
    [InlineData("team.a", "ecs-operator-team.a")]
    public void Session_names_carry_the_namespace(string ns, string expected) => Assert.Equal(expected, RoleSessionName.For(ns));

    [Fact]
    public void Long_namespaces_get_unique_session_names_within_the_sts_limit()
    {
        var a = RoleSessionName.For(new string('a', 63));
        var b = RoleSessionName.For(new string('a', 62) + "b");
        Assert.Equal(64, a.Length);
        Assert.Equal(64, b.Length);
        Assert.NotEqual(a, b);
        Assert.Matches("^[\\w+=,.@-]+$", a);
    }

    private sealed class Roles(Dictionary<string, NamespaceRole> roles) : INamespaceRoles
    {
        public NamespaceRole For(string @namespace) => roles[@namespace];
    }

    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
