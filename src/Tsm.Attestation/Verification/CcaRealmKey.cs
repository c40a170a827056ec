using System;
using System.Diagnostics.CodeAnalysis;
using System.Formats.Cbor;
using System.Security.Cryptography;

namespace Tsm.Attestation.Verification;

/// <summary>
/// Imports the realm attestation key from the cca-realm-public-key claim, which RMM implementations write in one of two
/// forms: a SEC1 uncompressed point (0x04 ‖ x ‖ y, TF-RMM and the 1.0 profile) or a COSE_Key (RFC 9052 §7, EC2 key type,
/// newer profiles). Failures are reported as text, never thrown, because they become check results.
/// </summary>
internal static class CcaRealmKey
{
    // RFC 9053 §7.1: COSE_Key label 1 = kty (2 = EC2), -1 = crv (1 = P-256, 2 = P-384, 3 = P-521), -2 = x, -3 = y.
    private const int KeyTypeLabel = 1;
    private const int CurveLabel = -1;
    private const int XLabel = -2;
    private const int YLabel = -3;
    private const int Ec2KeyType = 2;

    /// <summary>Imports <paramref name="claim"/>; the import checks that the point is on the curve.</summary>
    public static bool TryImport(ReadOnlySpan<byte> claim, [NotNullWhen(true)] out ECDsa? key, out string? form, out string? error)
    {
        key = null;
        form = null;
        if (claim.Length > 0 && claim[0] == 0x04 && TryCurveForPointLength(claim.Length, out ECCurve curve, out int coordinate))
        {
            form = "SEC1 uncompressed point";
            return TryCreate(curve, claim.Slice(1, coordinate), claim.Slice(1 + coordinate, coordinate), out key, out error);
        }

        form = "COSE_Key";
        return TryImportCoseKey(claim, out key, out error);
    }

    private static bool TryCurveForPointLength(int length, out ECCurve curve, out int coordinate)
    {
        (curve, coordinate) = length switch
        {
            65 => (ECCurve.NamedCurves.nistP256, 32),
            97 => (ECCurve.NamedCurves.nistP384, 48),
            133 => (ECCurve.NamedCurves.nistP521, 66),
            _ => (default, 0),
        };
        return coordinate != 0;
    }

    private static bool TryImportCoseKey(ReadOnlySpan<byte> claim, [NotNullWhen(true)] out ECDsa? key, out string? error)
    {
        key = null;
        int? keyType = null;
        int? curveId = null;
        byte[]? x = null;
        byte[]? y = null;
        try
        {
            var reader = new CborReader(claim.ToArray(), CborConformanceMode.Lax);
            reader.ReadStartMap();
            while (reader.PeekState() != CborReaderState.EndMap)
            {
                switch (reader.ReadInt32())
                {
                    case KeyTypeLabel:
                        keyType = reader.ReadInt32();
                        break;
                    case CurveLabel:
                        curveId = reader.ReadInt32();
                        break;
                    case XLabel:
                        x = reader.ReadByteString();
                        break;
                    case YLabel:
                        y = reader.ReadByteString();
                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }

            reader.ReadEndMap();
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException)
        {
            error = "it is neither a SEC1 uncompressed P-256/P-384/P-521 point nor a COSE_Key map";
            return false;
        }

        if (keyType != Ec2KeyType || x is null || y is null)
        {
            error = "the COSE_Key is not an EC2 key with x and y";
            return false;
        }

        ECCurve? curve = curveId switch
        {
            1 => ECCurve.NamedCurves.nistP256,
            2 => ECCurve.NamedCurves.nistP384,
            3 => ECCurve.NamedCurves.nistP521,
            _ => null,
        };
        if (curve is null)
        {
            error = $"the COSE_Key's curve {curveId} is not P-256, P-384 or P-521";
            return false;
        }

        return TryCreate(curve.Value, x, y, out key, out error);
    }

    private static bool TryCreate(ECCurve curve, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, [NotNullWhen(true)] out ECDsa? key, out string? error)
    {
        key = null;
        error = null;
        try
        {
            key = ECDsa.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = x.ToArray(), Y = y.ToArray() } });
            return true;
        }
        catch (CryptographicException e)
        {
            error = "it is not a valid public key: " + e.Message;
            return false;
        }
    }
}
