using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EcsOperator.Observability;

/// <summary>
/// The serving certificate of the secure metrics listener when none is given, as controller-runtime makes one: the
/// channel is encrypted (bearer tokens travel on it) while scrapers, which authenticate with their token, skip
/// verifying it.
/// </summary>
internal static class SelfSignedCertificate
{
    public static X509Certificate2 Create(TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ecs-operator-metrics", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddDnsName(Environment.MachineName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
        // A PKCS#12 round trip gives a key that every platform's TLS stack accepts.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
