using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Tsm.Attestation.Verification;

/// <summary>
/// Reads X.509 certificates from the bytes evidence and callers hand us: concatenated PEM (a quote's PCK chain, AMD's
/// cert_chain files) or a single DER certificate. Failures are reported as text, never thrown, because they become check results.
/// </summary>
internal static class CertificateReader
{
    private const string BeginMarker = "-----BEGIN CERTIFICATE-----";
    private const string EndMarker = "-----END CERTIFICATE-----";

    /// <summary>
    /// Reads every PEM certificate in <paramref name="pem"/>, in order. Bytes outside the BEGIN/END blocks (such as the NUL
    /// terminator Intel's quoting library appends) are ignored, but every block must decode: a block that does not is an error
    /// rather than skipped, so a damaged leaf can never be silently replaced by the next certificate.
    /// </summary>
    public static bool TryReadPem(ReadOnlySpan<byte> pem, out List<X509Certificate2> certificates, out string? error)
    {
        certificates = new List<X509Certificate2>();
        error = null;

        // Latin-1 maps every byte to one char, so positions stay meaningful and no byte is lost before base64 decoding.
        string text = Encoding.Latin1.GetString(pem);
        int position = 0;
        while (true)
        {
            int begin = text.IndexOf(BeginMarker, position, StringComparison.Ordinal);
            if (begin < 0)
            {
                break;
            }

            int bodyStart = begin + BeginMarker.Length;
            int end = text.IndexOf(EndMarker, bodyStart, StringComparison.Ordinal);
            int number = certificates.Count + 1;
            if (end < 0)
            {
                error = Invariant($"certificate #{number} has no END CERTIFICATE line");
                break;
            }

            byte[] der;
            try
            {
                // Convert.FromBase64String ignores the line breaks inside the block and rejects anything else.
                der = Convert.FromBase64String(text.Substring(bodyStart, end - bodyStart));
            }
            catch (FormatException)
            {
                error = Invariant($"certificate #{number} is not valid base64");
                break;
            }

            if (!TryLoadDer(der, out X509Certificate2? certificate, out string? loadError))
            {
                error = Invariant($"certificate #{number}: {loadError}");
                break;
            }

            certificates.Add(certificate);
            position = end + EndMarker.Length;
        }

        if (error is null && certificates.Count == 0)
        {
            error = "no PEM certificate (-----BEGIN CERTIFICATE-----) found";
        }

        if (error is not null)
        {
            Dispose(certificates);
            certificates.Clear();
            return false;
        }

        return true;
    }

    /// <summary>Reads PEM (one or more certificates) or, when there is no PEM marker, a single DER certificate.</summary>
    public static bool TryReadDerOrPem(ReadOnlySpan<byte> data, out List<X509Certificate2> certificates, out string? error)
    {
        if (data.IndexOf(Encoding.ASCII.GetBytes(BeginMarker)) >= 0)
        {
            return TryReadPem(data, out certificates, out error);
        }

        certificates = new List<X509Certificate2>();
        if (!TryLoadDer(data.ToArray(), out X509Certificate2? certificate, out error))
        {
            return false;
        }

        certificates.Add(certificate);
        return true;
    }

    /// <summary>Disposes every certificate in <paramref name="certificates"/>.</summary>
    public static void Dispose(IEnumerable<X509Certificate2> certificates)
    {
        foreach (X509Certificate2 certificate in certificates)
        {
            certificate.Dispose();
        }
    }

    private static bool TryLoadDer(byte[] der, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out X509Certificate2? certificate, out string? error)
    {
        certificate = null;
        error = null;

        // Check the outer shape (SEQUENCE { tbsCertificate SEQUENCE, ... }, nothing after it) first: the content-sniffing
        // constructor would otherwise also accept PKCS#7 or PKCS#12 blobs in place of a certificate.
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.DER);
            AsnReader certificateSequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            certificateSequence.ReadSequence();
        }
        catch (AsnContentException)
        {
            error = "not a DER X.509 certificate";
            return false;
        }

        try
        {
            certificate = new X509Certificate2(der);
            return true;
        }
        catch (CryptographicException e)
        {
            error = "not a readable X.509 certificate: " + e.Message;
            return false;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
