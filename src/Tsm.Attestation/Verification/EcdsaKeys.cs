using System;
using System.Security.Cryptography;

namespace Tsm.Attestation.Verification;

/// <summary>Turns the raw public keys found in evidence into <see cref="ECDsa"/> instances, reporting failures as text.</summary>
internal static class EcdsaKeys
{
    /// <summary>
    /// Imports a P-256 public key given as x ‖ y (32 bytes each, big-endian, no 0x04 prefix), as the TD quote's attestation key is.
    /// The import checks that the point is on the curve.
    /// </summary>
    public static bool TryImportP256(ReadOnlySpan<byte> xy, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ECDsa? key, out string? error)
    {
        key = null;
        error = null;
        if (xy.Length != 64)
        {
            error = $"the key is {xy.Length} bytes, not the 64 of a P-256 point x || y";
            return false;
        }

        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = xy[..32].ToArray(), Y = xy[32..].ToArray() },
        };
        try
        {
            key = ECDsa.Create(parameters);
            return true;
        }
        catch (CryptographicException e)
        {
            error = "it is not a valid P-256 public key: " + e.Message;
            return false;
        }
    }
}
