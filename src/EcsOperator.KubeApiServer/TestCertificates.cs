using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EcsOperator.KubeApiServer;

/// <summary>A throwaway CA with a server certificate for 127.0.0.1/localhost and a client certificate, all in memory.</summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 ca, X509Certificate2 server, X509Certificate2 client, string clientKeyPem)
    {
        CertificateAuthority = ca;
        Server = server;
        Client = client;
        ClientKeyPem = clientKeyPem;
    }

    /// <summary>The CA (public part).</summary>
    public X509Certificate2 CertificateAuthority { get; }

    /// <summary>The server certificate with its private key.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>The client certificate (CN=test-user, O=system:masters) with its private key.</summary>
    public X509Certificate2 Client { get; }

    /// <summary>PEM of the CA certificate (kubeconfig certificate-authority-data, base64-encoded there).</summary>
    public string CertificateAuthorityPem => CertificateAuthority.ExportCertificatePem();

    /// <summary>PEM of the client certificate.</summary>
    public string ClientCertificatePem => Client.ExportCertificatePem();

    /// <summary>PEM (PKCS#8) of the client private key.</summary>
    public string ClientKeyPem { get; }

    /// <summary>Creates a fresh CA and certificates.</summary>
    public static TestCertificates Create()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=kube-api-test-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var caWithKey = caRequest.CreateSelfSigned(now, now.AddDays(2));

        var server = Issue(caWithKey, "CN=kube-apiserver", now, serverAuth: true, out _);
        var client = Issue(caWithKey, "CN=test-user, O=system:masters", now, serverAuth: false, out var clientKeyPem);
        var ca = X509CertificateLoader.LoadCertificate(caWithKey.RawData);
        return new TestCertificates(ca, server, client, clientKeyPem);
    }

    private static X509Certificate2 Issue(X509Certificate2 issuer, string subject, DateTimeOffset now, bool serverAuth, out string keyPem)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var cert = request.Create(issuer, now, now.AddDays(1), serial);
        keyPem = key.ExportPkcs8PrivateKeyPem();

        // Round-trip through PKCS#12 so the key is usable by SslStream on every platform.
        using var withKey = cert.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Whether <paramref name="certificate"/> chains to this CA.</summary>
    public bool IsIssuedByCa(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(CertificateAuthority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        CertificateAuthority.Dispose();
        Server.Dispose();
        Client.Dispose();
    }
}
