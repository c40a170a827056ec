namespace Tsm.EventLog.Tcg;

/// <summary>Conversions between <see cref="TpmAlgorithm"/> and the runtime's <see cref="MeasurementHash"/>.</summary>
public static class TpmAlgorithms
{
    /// <summary>The <see cref="MeasurementHash"/> of a TPM_ALG_ID, or <see cref="MeasurementHash.None"/> for one that is not a known hash.</summary>
    public static MeasurementHash ToMeasurementHash(this TpmAlgorithm algorithm) => algorithm switch
    {
        TpmAlgorithm.Sha1 => MeasurementHash.Sha1,
        TpmAlgorithm.Sha256 => MeasurementHash.Sha256,
        TpmAlgorithm.Sha384 => MeasurementHash.Sha384,
        TpmAlgorithm.Sha512 => MeasurementHash.Sha512,
        TpmAlgorithm.Sm3_256 => MeasurementHash.Sm3,
        TpmAlgorithm.Sha3_256 => MeasurementHash.Sha3_256,
        TpmAlgorithm.Sha3_384 => MeasurementHash.Sha3_384,
        TpmAlgorithm.Sha3_512 => MeasurementHash.Sha3_512,
        _ => MeasurementHash.None,
    };

    /// <summary>The TPM_ALG_ID of a <see cref="MeasurementHash"/>.</summary>
    /// <returns><see langword="false"/> for <see cref="MeasurementHash.None"/> and SHA-224, which have no TPM_ALG_ID in the registry.</returns>
    public static bool TryFromMeasurementHash(MeasurementHash hash, out TpmAlgorithm algorithm)
    {
        algorithm = hash switch
        {
            MeasurementHash.Sha1 => TpmAlgorithm.Sha1,
            MeasurementHash.Sha256 => TpmAlgorithm.Sha256,
            MeasurementHash.Sha384 => TpmAlgorithm.Sha384,
            MeasurementHash.Sha512 => TpmAlgorithm.Sha512,
            MeasurementHash.Sm3 => TpmAlgorithm.Sm3_256,
            MeasurementHash.Sha3_256 => TpmAlgorithm.Sha3_256,
            MeasurementHash.Sha3_384 => TpmAlgorithm.Sha3_384,
            MeasurementHash.Sha3_512 => TpmAlgorithm.Sha3_512,
            _ => 0,
        };
        return algorithm != 0;
    }

    /// <summary>The digest size of a known hash algorithm; 0 for an algorithm this library does not know.</summary>
    public static int KnownDigestSize(this TpmAlgorithm algorithm)
    {
        MeasurementHash hash = algorithm.ToMeasurementHash();
        return hash == MeasurementHash.None ? 0 : MeasurementHashInfo.DigestSize(hash);
    }
}
