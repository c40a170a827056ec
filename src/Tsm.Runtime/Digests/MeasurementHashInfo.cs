using System;
using System.Security.Cryptography;

namespace Tsm;

/// <summary>Sizes, kernel names and implementations of the <see cref="MeasurementHash"/> algorithms.</summary>
public static class MeasurementHashInfo
{
    /// <summary>The digest size in bytes of <paramref name="hash"/>; 0 for <see cref="MeasurementHash.None"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hash"/> is not a defined value.</exception>
    public static int DigestSize(MeasurementHash hash) => hash switch
    {
        MeasurementHash.None => 0,
        MeasurementHash.Sha1 => 20,
        MeasurementHash.Sha224 => 28,
        MeasurementHash.Sha256 or MeasurementHash.Sm3 or MeasurementHash.Sha3_256 => 32,
        MeasurementHash.Sha384 or MeasurementHash.Sha3_384 => 48,
        MeasurementHash.Sha512 or MeasurementHash.Sha3_512 => 64,
        _ => throw Undefined(hash),
    };

    /// <summary>
    /// The kernel's name of <paramref name="hash"/> (<c>hash_algo_name[]</c>), used as the <c>:hash</c> suffix of tsm-mr
    /// attribute files and in TPM <c>pcr-&lt;hash&gt;</c> directories: <c>sha384</c>, <c>sm3</c>, <c>sha3-384</c>, ...
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hash"/> is <see cref="MeasurementHash.None"/> or not defined.</exception>
    public static string KernelName(MeasurementHash hash) => hash switch
    {
        MeasurementHash.Sha1 => "sha1",
        MeasurementHash.Sha224 => "sha224",
        MeasurementHash.Sha256 => "sha256",
        MeasurementHash.Sha384 => "sha384",
        MeasurementHash.Sha512 => "sha512",
        MeasurementHash.Sm3 => "sm3",
        MeasurementHash.Sha3_256 => "sha3-256",
        MeasurementHash.Sha3_384 => "sha3-384",
        MeasurementHash.Sha3_512 => "sha3-512",
        _ => throw Undefined(hash),
    };

    /// <summary>
    /// The .NET <see cref="HashAlgorithmName"/> of <paramref name="hash"/>, for APIs such as
    /// <see cref="IncrementalHash.CreateHash"/> or <see cref="ECDsa.VerifyData(byte[], byte[], HashAlgorithmName)"/>.
    /// </summary>
    /// <returns><see langword="false"/> for <see cref="MeasurementHash.None"/>, SHA-224 and SM3, which have no <see cref="HashAlgorithmName"/>.</returns>
    public static bool TryGetHashAlgorithmName(MeasurementHash hash, out HashAlgorithmName name)
    {
        name = hash switch
        {
            MeasurementHash.Sha1 => HashAlgorithmName.SHA1,
            MeasurementHash.Sha256 => HashAlgorithmName.SHA256,
            MeasurementHash.Sha384 => HashAlgorithmName.SHA384,
            MeasurementHash.Sha512 => HashAlgorithmName.SHA512,
            MeasurementHash.Sha3_256 => HashAlgorithmName.SHA3_256,
            MeasurementHash.Sha3_384 => HashAlgorithmName.SHA3_384,
            MeasurementHash.Sha3_512 => HashAlgorithmName.SHA3_512,
            _ => default,
        };
        return name.Name is not null;
    }

    /// <summary>The <see cref="MeasurementHash"/> of a .NET <see cref="HashAlgorithmName"/> (SHA-1, SHA-2 and SHA-3 families).</summary>
    /// <returns><see langword="false"/> for any other algorithm (MD5, or a name .NET does not define).</returns>
    public static bool TryFromHashAlgorithmName(HashAlgorithmName name, out MeasurementHash hash)
    {
        hash = name.Name switch
        {
            "SHA1" => MeasurementHash.Sha1,
            "SHA256" => MeasurementHash.Sha256,
            "SHA384" => MeasurementHash.Sha384,
            "SHA512" => MeasurementHash.Sha512,
            "SHA3-256" => MeasurementHash.Sha3_256,
            "SHA3-384" => MeasurementHash.Sha3_384,
            "SHA3-512" => MeasurementHash.Sha3_512,
            _ => MeasurementHash.None,
        };
        return hash != MeasurementHash.None;
    }

    /// <summary>
    /// Parses a kernel hash name (case-insensitive). Also accepts <c>sm3-256</c>, the name older kernels used for SM3.
    /// </summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a hash; <paramref name="hash"/> is then set.</returns>
    public static bool TryParseKernelName(string name, out MeasurementHash hash)
    {
        hash = name?.ToLowerInvariant() switch
        {
            "sha1" => MeasurementHash.Sha1,
            "sha224" => MeasurementHash.Sha224,
            "sha256" => MeasurementHash.Sha256,
            "sha384" => MeasurementHash.Sha384,
            "sha512" => MeasurementHash.Sha512,
            "sm3" or "sm3-256" => MeasurementHash.Sm3,
            "sha3-256" => MeasurementHash.Sha3_256,
            "sha3-384" => MeasurementHash.Sha3_384,
            "sha3-512" => MeasurementHash.Sha3_512,
            _ => MeasurementHash.None,
        };
        return hash != MeasurementHash.None;
    }

    /// <summary>
    /// Whether <see cref="Compute"/> can hash with <paramref name="hash"/> on this platform. SHA-224 and SM3 have no
    /// .NET implementation; SHA-3 depends on the platform's crypto library.
    /// </summary>
    public static bool IsSupported(MeasurementHash hash) => hash switch
    {
        MeasurementHash.Sha1 or MeasurementHash.Sha256 or MeasurementHash.Sha384 or MeasurementHash.Sha512 => true,
        MeasurementHash.Sha3_256 => SHA3_256.IsSupported,
        MeasurementHash.Sha3_384 => SHA3_384.IsSupported,
        MeasurementHash.Sha3_512 => SHA3_512.IsSupported,
        _ => false,
    };

    /// <summary>
    /// Hashes <paramref name="data"/> with <paramref name="hash"/> into the first <see cref="DigestSize"/> bytes of
    /// <paramref name="destination"/> without allocating.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than the digest.</exception>
    /// <exception cref="NotSupportedException">The algorithm has no implementation here (see <see cref="IsSupported"/>).</exception>
    public static void Compute(MeasurementHash hash, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        int size = DigestSize(hash);
        if (!IsSupported(hash))
        {
            throw new NotSupportedException(hash == MeasurementHash.None
                ? "MeasurementHash.None is not a hash algorithm: opaque (NOHASH) values cannot be computed."
                : $"{DisplayName(hash)} is not available on this platform: .NET implements SHA-1, SHA-256, SHA-384 and SHA-512 everywhere, and SHA-3 only where the OS crypto library provides it (OpenSSL 1.1.1+ or Windows 11).");
        }

        if (destination.Length < size)
        {
            throw new ArgumentException(
                $"A {DisplayName(hash)} digest needs {size} bytes, but the destination has {destination.Length}.",
                nameof(destination));
        }

        destination = destination[..size];
        _ = hash switch
        {
            MeasurementHash.Sha1 => SHA1.HashData(data, destination),
            MeasurementHash.Sha256 => SHA256.HashData(data, destination),
            MeasurementHash.Sha384 => SHA384.HashData(data, destination),
            MeasurementHash.Sha512 => SHA512.HashData(data, destination),
            MeasurementHash.Sha3_256 => SHA3_256.HashData(data, destination),
            MeasurementHash.Sha3_384 => SHA3_384.HashData(data, destination),
            _ => SHA3_512.HashData(data, destination),
        };
    }

    /// <summary>The usual written name of <paramref name="hash"/> ("SHA-384", "SM3", "SHA3-256"), for messages.</summary>
    internal static string DisplayName(MeasurementHash hash) => hash switch
    {
        MeasurementHash.None => "no hash",
        MeasurementHash.Sha1 => "SHA-1",
        MeasurementHash.Sha224 => "SHA-224",
        MeasurementHash.Sha256 => "SHA-256",
        MeasurementHash.Sha384 => "SHA-384",
        MeasurementHash.Sha512 => "SHA-512",
        MeasurementHash.Sm3 => "SM3",
        MeasurementHash.Sha3_256 => "SHA3-256",
        MeasurementHash.Sha3_384 => "SHA3-384",
        MeasurementHash.Sha3_512 => "SHA3-512",
        _ => throw Undefined(hash),
    };

    private static ArgumentOutOfRangeException Undefined(MeasurementHash hash) =>
        new(nameof(hash), hash, $"{hash} is not a hash algorithm with a kernel name.");
}
