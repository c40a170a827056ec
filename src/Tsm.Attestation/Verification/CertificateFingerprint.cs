using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tsm.Attestation.Verification;

/// <summary>SHA-256 certificate fingerprints: computed over the certificate's DER bytes, written as 64 upper-case hex digits.</summary>
internal static class CertificateFingerprint
{
    /// <summary>The SHA-256 fingerprint of <paramref name="certificate"/>.</summary>
    public static string Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(SHA256.HashData(certificate.RawData));
    }

    /// <summary>
    /// <paramref name="fingerprint"/> as 64 upper-case hex digits. Accepts the usual spellings (lower case, and ':', '-' or
    /// space between bytes, as openssl and certificate viewers print them).
    /// </summary>
    /// <exception cref="ArgumentException">Not 32 bytes of hex.</exception>
    public static string Normalize(string fingerprint, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(fingerprint, parameterName);
        var hex = new System.Text.StringBuilder(64);
        foreach (char c in fingerprint)
        {
            if (c is ':' or '-' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                throw new ArgumentException($"'{fingerprint}' is not a SHA-256 fingerprint: '{c}' is not a hex digit.", parameterName);
            }

            hex.Append(char.ToUpperInvariant(c));
        }

        if (hex.Length != 64)
        {
            throw new ArgumentException($"'{fingerprint}' is not a SHA-256 fingerprint: it has {hex.Length} hex digits, not 64.", parameterName);
        }

        return hex.ToString();
    }

    /// <summary>Every fingerprint normalized, duplicates removed, order kept; a default array counts as empty.</summary>
    public static ImmutableArray<string> NormalizeAll(ImmutableArray<string> fingerprints, string parameterName)
    {
        if (fingerprints.IsDefaultOrEmpty)
        {
            return ImmutableArray<string>.Empty;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        ImmutableArray<string>.Builder result = ImmutableArray.CreateBuilder<string>(fingerprints.Length);
        foreach (string fingerprint in fingerprints)
        {
            string normalized = Normalize(fingerprint, parameterName);
            if (seen.Add(normalized))
            {
                result.Add(normalized);
            }
        }

        return result.ToImmutable();
    }
}
