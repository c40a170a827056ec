namespace Tsm.EventLog.Tcg;

/// <summary>
/// TPM_ALG_ID values of hash algorithms that appear in event-log digests (TCG Algorithm Registry; Linux
/// <c>include/linux/tpm.h</c> <c>enum tpm_algorithms</c>). Other values can appear in a log; they are kept as numbers.
/// </summary>
public enum TpmAlgorithm : ushort
{
    /// <summary>SHA-1, 20-byte digests.</summary>
    Sha1 = 0x0004,

    /// <summary>SHA-256, 32-byte digests.</summary>
    Sha256 = 0x000B,

    /// <summary>SHA-384, 48-byte digests (the only bank of a TDX CCEL).</summary>
    Sha384 = 0x000C,

    /// <summary>SHA-512, 64-byte digests.</summary>
    Sha512 = 0x000D,

    /// <summary>SM3-256, 32-byte digests.</summary>
    Sm3_256 = 0x0012,

    /// <summary>SHA3-256, 32-byte digests.</summary>
    Sha3_256 = 0x0027,

    /// <summary>SHA3-384, 48-byte digests.</summary>
    Sha3_384 = 0x0028,

    /// <summary>SHA3-512, 64-byte digests.</summary>
    Sha3_512 = 0x0029,
}
