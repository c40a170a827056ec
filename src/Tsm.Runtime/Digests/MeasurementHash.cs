namespace Tsm;

/// <summary>
/// A hash algorithm used by a measurement register, named after the Linux kernel's <c>enum hash_algo</c> entries
/// that tsm-mr and the TPM driver expose.
/// </summary>
public enum MeasurementHash
{
    /// <summary>No hash: the register holds an opaque value (kernel <c>TSM_MR_F_NOHASH</c>) or the hash is chosen at run time.</summary>
    None = 0,

    /// <summary>SHA-1, 20 bytes (kernel name <c>sha1</c>).</summary>
    Sha1,

    /// <summary>SHA-224, 28 bytes (kernel name <c>sha224</c>).</summary>
    Sha224,

    /// <summary>SHA-256, 32 bytes (kernel name <c>sha256</c>).</summary>
    Sha256,

    /// <summary>SHA-384, 48 bytes (kernel name <c>sha384</c>).</summary>
    Sha384,

    /// <summary>SHA-512, 64 bytes (kernel name <c>sha512</c>).</summary>
    Sha512,

    /// <summary>SM3, 32 bytes (kernel name <c>sm3</c>; older kernels <c>sm3-256</c>).</summary>
    Sm3,

    /// <summary>SHA3-256, 32 bytes (kernel name <c>sha3-256</c>).</summary>
    Sha3_256,

    /// <summary>SHA3-384, 48 bytes (kernel name <c>sha3-384</c>).</summary>
    Sha3_384,

    /// <summary>SHA3-512, 64 bytes (kernel name <c>sha3-512</c>).</summary>
    Sha3_512,
}
