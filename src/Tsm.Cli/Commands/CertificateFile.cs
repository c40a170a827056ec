using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Tsm.Cli.Commands;

/// <summary>Loads one X.509 certificate from a file, DER or PEM (the first certificate of a PEM file).</summary>
internal static class CertificateFile
{
    /// <exception cref="InputException">The file cannot be read or holds no certificate.</exception>
    public static X509Certificate2 Load(string path) => Load(InputFile.Read(path), path);

    /// <summary>Loads the first certificate of <paramref name="bytes"/>, read from <paramref name="path"/>.</summary>
    /// <exception cref="InputException">The bytes hold no certificate.</exception>
    public static X509Certificate2 Load(byte[] bytes, string path)
    {
        try
        {
            return bytes.AsSpan().IndexOf("-----BEGIN CERTIFICATE-----"u8) >= 0
                ? X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(bytes))
                : X509CertificateLoader.LoadCertificate(bytes);
        }
        catch (CryptographicException error)
        {
            throw InputException.ForFile(path, $"not an X.509 certificate in DER or PEM: {error.Message}");
        }
    }
}
