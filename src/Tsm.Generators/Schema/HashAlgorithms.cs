namespace Tsm.Generators.Schema;

/// <summary>
/// The kernel hash names a schema may use (<c>crypto/hash_info.c</c>), their digest sizes, and the runtime types
/// that hold them. Kept here rather than referenced from the runtime: the generator must not load Tsm.Runtime.
/// </summary>
internal static class HashAlgorithms
{
    public const string None = "none";

    public static readonly string[] KernelNames =
    {
        "sha1", "sha224", "sha256", "sha384", "sha512", "sm3", "sha3-256", "sha3-384", "sha3-512",
    };

    public static bool IsKnown(string name) => DigestSize(name) > 0;

    public static int DigestSize(string name) => name switch
    {
        "sha1" => 20,
        "sha224" => 28,
        "sha256" => 32,
        "sm3" => 32,
        "sha3-256" => 32,
        "sha384" => 48,
        "sha3-384" => 48,
        "sha512" => 64,
        "sha3-512" => 64,
        _ => 0,
    };

    /// <summary>The C# spelling used in type and member names: <c>sha3-256</c> → <c>Sha3_256</c>.</summary>
    public static string PascalName(string name) => name switch
    {
        "sha3-256" => "Sha3_256",
        "sha3-384" => "Sha3_384",
        "sha3-512" => "Sha3_512",
        _ => Naming.ToPascalCase(name),
    };

    /// <summary>The <c>Tsm.MeasurementHash</c> member for a kernel name (or <c>None</c>).</summary>
    public static string EnumMember(string name) => name == None || name.Length == 0 ? "None" : PascalName(name);

    /// <summary>The runtime digest type for a hash (<c>Sha384Digest</c>), or null for an unknown name.</summary>
    public static string? DigestType(string name) => IsKnown(name) ? PascalName(name) + "Digest" : null;

    /// <summary>Opaque (no-hash) values have fixed-size runtime types for the sizes real hardware uses.</summary>
    public static string? OpaqueType(int size) => size is 32 or 48 or 64 ? "Opaque" + size.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
}
