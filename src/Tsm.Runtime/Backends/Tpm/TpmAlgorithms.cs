namespace Tsm;

/// <summary>
/// TPM_ALG_ID values of the hash banks (TCG TPM 2.0 Library Part 2 §6.3 TPM_ALG_ID; Linux <c>enum tpm_algorithms</c> in
/// <c>include/linux/tpm.h</c>) and their <see cref="MeasurementHash"/> counterparts.
/// </summary>
internal static class TpmAlgorithms
{
    public const ushort Sha1 = 0x0004;
    public const ushort Sha256 = 0x000B;
    public const ushort Sha384 = 0x000C;
    public const ushort Sha512 = 0x000D;
    public const ushort Sm3_256 = 0x0012;
    public const ushort Sha3_256 = 0x0027;
    public const ushort Sha3_384 = 0x0028;
    public const ushort Sha3_512 = 0x0029;

    /// <summary>The TPM_ALG_ID of <paramref name="hash"/>, or 0 when the TPM has no bank of that algorithm.</summary>
    public static ushort IdOf(MeasurementHash hash) => hash switch
    {
        MeasurementHash.Sha1 => Sha1,
        MeasurementHash.Sha256 => Sha256,
        MeasurementHash.Sha384 => Sha384,
        MeasurementHash.Sha512 => Sha512,
        MeasurementHash.Sm3 => Sm3_256,
        MeasurementHash.Sha3_256 => Sha3_256,
        MeasurementHash.Sha3_384 => Sha3_384,
        MeasurementHash.Sha3_512 => Sha3_512,
        _ => 0,
    };

    /// <summary>The hash of a TPM_ALG_ID, or <see cref="MeasurementHash.None"/> for an algorithm Tsm does not know.</summary>
    public static MeasurementHash HashOf(ushort algorithm) => algorithm switch
    {
        Sha1 => MeasurementHash.Sha1,
        Sha256 => MeasurementHash.Sha256,
        Sha384 => MeasurementHash.Sha384,
        Sha512 => MeasurementHash.Sha512,
        Sm3_256 => MeasurementHash.Sm3,
        Sha3_256 => MeasurementHash.Sha3_256,
        Sha3_384 => MeasurementHash.Sha3_384,
        Sha3_512 => MeasurementHash.Sha3_512,
        _ => MeasurementHash.None,
    };
}
