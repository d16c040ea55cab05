using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EcsOperator.Kubernetes.Config;

/// <summary>Loads PEM certificates and keys (RSA or EC; PKCS#1, PKCS#8 or SEC1) with errors naming the field.</summary>
internal static class CertificateLoader
{
    public static X509Certificate2 LoadClientCertificate(string certPem, string keyPem, string? file, string field)
    {
        try
        {
            return X509Certificate2.CreateFromPem(certPem, keyPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new KubernetesConfigException(file, field,
                $"cannot load the client certificate and key (expected PEM CERTIFICATE plus RSA/EC PRIVATE KEY or PRIVATE KEY): {e.Message}", e);
        }
    }

    public static X509Certificate2Collection LoadCaBundle(string pem, string? file, string field)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new KubernetesConfigException(file, field, $"cannot parse the CA bundle: {e.Message}", e);
        }

        return collection.Count == 0
            ? throw new KubernetesConfigException(file, field, "the CA bundle contains no PEM CERTIFICATE")
            : collection;
    }

    /// <summary>Decodes a <c>*-data</c> field (base64 of PEM).</summary>
    public static string DecodeData(string base64, string? file, string field)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));
        }
        catch (FormatException e)
        {
            throw new KubernetesConfigException(file, field, "is not valid base64", e);
        }
    }

    public static string ReadFile(string path, string? file, string field)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubernetesConfigException(file, field, $"cannot read '{path}': {e.Message}", e);
        }
    }
}
