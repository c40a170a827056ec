using Tsm.Generators.Schema;

namespace Tsm.Generators.Analyzers;

/// <summary>Kernel hash names (<c>sha384</c>) against the names people and .NET use for them.</summary>
internal static class HashNames
{
    /// <summary>"SHA-384", "SHA3-256", "SM3": the spelling used in messages.</summary>
    public static string Display(string kernelName) => kernelName switch
    {
        "sha1" => "SHA-1",
        "sha224" => "SHA-224",
        "sha256" => "SHA-256",
        "sha384" => "SHA-384",
        "sha512" => "SHA-512",
        "sm3" => "SM3",
        "sha3-256" => "SHA3-256",
        "sha3-384" => "SHA3-384",
        "sha3-512" => "SHA3-512",
        "md5" => "MD5",
        _ => kernelName,
    };

    /// <summary>The <c>System.Security.Cryptography</c> class with a static <c>HashData</c> for a kernel hash, or null.</summary>
    public static string? CryptographyClass(string kernelName) => kernelName switch
    {
        "sha1" => "SHA1",
        "sha256" => "SHA256",
        "sha384" => "SHA384",
        "sha512" => "SHA512",
        "sha3-256" => "SHA3_256",
        "sha3-384" => "SHA3_384",
        "sha3-512" => "SHA3_512",
        _ => null,
    };

    /// <summary>The kernel hash a <c>System.Security.Cryptography</c> hash class computes (<c>SHA256</c> → <c>sha256</c>); <c>MD5</c> → <c>md5</c>.</summary>
    public static string? FromCryptographyClass(string className) => className switch
    {
        "SHA1" => "sha1",
        "SHA256" => "sha256",
        "SHA384" => "sha384",
        "SHA512" => "sha512",
        "SHA3_256" => "sha3-256",
        "SHA3_384" => "sha3-384",
        "SHA3_512" => "sha3-512",
        "MD5" => "md5",
        _ => null,
    };

    /// <summary>The kernel hash of a <c>HashAlgorithmName</c> property (<c>HashAlgorithmName.SHA256</c>).</summary>
    public static string? FromHashAlgorithmName(string propertyName) => FromCryptographyClass(propertyName);

    /// <summary>The kernel hash and size of a Tsm value type (<c>Sha256Digest</c>, <c>Opaque48</c>); false for other types.</summary>
    public static bool TryFromTsmValueType(string typeName, out string hash, out int size)
    {
        foreach (string kernelName in HashAlgorithms.KernelNames)
        {
            if (HashAlgorithms.DigestType(kernelName) == typeName)
            {
                hash = kernelName;
                size = HashAlgorithms.DigestSize(kernelName);
                return true;
            }
        }

        foreach (int opaque in new[] { 32, 48, 64 })
        {
            if (HashAlgorithms.OpaqueType(opaque) == typeName)
            {
                hash = HashAlgorithms.None;
                size = opaque;
                return true;
            }
        }

        hash = string.Empty;
        size = 0;
        return false;
    }

    /// <summary>Digest size of a kernel hash name, including <c>md5</c>, which no register uses but a caller may pass.</summary>
    public static int DigestSize(string kernelName) => kernelName == "md5" ? 16 : HashAlgorithms.DigestSize(kernelName);
}
