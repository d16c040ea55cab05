using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EcsOperator.Kubernetes.Tests.Support;

/// <summary>A throwaway CA with server and client certificates (RSA and EC), as PEM.</summary>
public sealed class TestCertificates : IDisposable
{
    public TestCertificates()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=test-ca", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        Ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        CaPem = Ca.ExportCertificatePem();

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=kube-apiserver", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("kubernetes.default.svc");
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var serverPublic = Sign(serverRequest);
        Server = serverPublic.CopyWithPrivateKey(serverKey);

        using var rsaKey = RSA.Create(2048);
        RsaClientCertPem = Client("CN=rsa-user", new CertificateRequest("CN=rsa-user", rsaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        RsaKeyPkcs1Pem = rsaKey.ExportRSAPrivateKeyPem();
        RsaKeyPkcs8Pem = rsaKey.ExportPkcs8PrivateKeyPem();

        using var ecKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        EcClientCertPem = Client("CN=ec-user", new CertificateRequest("CN=ec-user", ecKey, HashAlgorithmName.SHA256));
        EcKeySec1Pem = ecKey.ExportECPrivateKeyPem();
        EcKeyPkcs8Pem = ecKey.ExportPkcs8PrivateKeyPem();
    }

    public X509Certificate2 Ca { get; }

    public string CaPem { get; }

    /// <summary>Server certificate for 127.0.0.1 and kubernetes.default.svc, with key.</summary>
    public X509Certificate2 Server { get; }

    public string RsaClientCertPem { get; }

    public string RsaKeyPkcs1Pem { get; }

    public string RsaKeyPkcs8Pem { get; }

    public string EcClientCertPem { get; }

    public string EcKeySec1Pem { get; }

    public string EcKeyPkcs8Pem { get; }

    public static string B64(string pem) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem));

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
    }

    private string Client(string subject, CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var cert = Sign(request);
        _ = subject;
        return cert.ExportCertificatePem();
    }

    private X509Certificate2 Sign(CertificateRequest request)
    {
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7f;
        using var caKey = Ca.GetRSAPrivateKey()!;
        return request.Create(Ca.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1),
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), serial);
    }
}
