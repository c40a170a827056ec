using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tsm.Generators.Analyzers;
using Tsm.Generators.Schema;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Schemas;

/// <summary>
/// The hash-algorithm table lives in three places that cannot reference each other: the generator
/// (<see cref="HashAlgorithms"/>, <see cref="HashNames"/>; it must not load Tsm.Runtime), the runtime
/// (<see cref="MeasurementHash"/>, <see cref="MeasurementHashInfo"/>, the digest structs) and the JSON Schema
/// (<c>schemas/tsm-vendor.schema.json</c>: the hash enums, the <c>name:hash</c> pattern and the size rules). These tests
/// fail when one of them gains, loses or resizes an algorithm the others do not.
/// </summary>
public sealed partial class HashTableAgreementTests
{
    private static readonly MeasurementHash[] RuntimeHashes = Enum.GetValues<MeasurementHash>().Where(h => h != MeasurementHash.None).ToArray();

    private static readonly Lazy<JsonElement> SchemaDefinitions = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "tsm-vendor.schema.json"))).RootElement.GetProperty("$defs").Clone());

    public static TheoryData<MeasurementHash> Hashes() => new(RuntimeHashes);

    [Fact]
    public void The_generator_knows_the_runtimes_algorithms_by_their_kernel_names_in_the_same_order()
    {
        Assert.Equal(RuntimeHashes.Select(MeasurementHashInfo.KernelName), HashAlgorithms.KernelNames);
        Assert.All(HashAlgorithms.KernelNames, name => Assert.True(HashAlgorithms.IsKnown(name), name));
        Assert.False(HashAlgorithms.IsKnown(HashAlgorithms.None));
    }

    [Theory]
    [MemberData(nameof(Hashes))]
    public void The_generator_and_the_runtime_agree_on_an_algorithms_size_enum_member_and_display_name(MeasurementHash hash)
    {
        string name = MeasurementHashInfo.KernelName(hash);

        Assert.True(MeasurementHashInfo.TryParseKernelName(name, out MeasurementHash parsed));
        Assert.Equal(hash, parsed);
        Assert.Equal(MeasurementHashInfo.DigestSize(hash), HashAlgorithms.DigestSize(name));
        Assert.Equal(MeasurementHashInfo.DigestSize(hash), HashNames.DigestSize(name));
        Assert.Equal(hash.ToString(), HashAlgorithms.EnumMember(name));
        Assert.Equal(RuntimeDisplayName(hash), HashNames.Display(name));
    }

    [Fact]
    public void No_hash_is_the_runtimes_None_in_the_generator()
    {
        Assert.Equal(nameof(MeasurementHash.None), HashAlgorithms.EnumMember(HashAlgorithms.None));
        Assert.Equal(nameof(MeasurementHash.None), HashAlgorithms.EnumMember(string.Empty));
        Assert.Equal(0, MeasurementHashInfo.DigestSize(MeasurementHash.None));
        Assert.Equal(0, HashAlgorithms.DigestSize(HashAlgorithms.None));
    }

    [Theory]
    [MemberData(nameof(Hashes))]
    public void The_digest_type_the_generator_names_is_the_runtime_struct_of_that_algorithm_and_size(MeasurementHash hash)
    {
        string name = MeasurementHashInfo.KernelName(hash);
        Type type = RuntimeType(HashAlgorithms.DigestType(name));

        Assert.Equal((hash, MeasurementHashInfo.DigestSize(hash)), (AlgorithmOf(type), SizeOf(type)));
        Assert.True(HashNames.TryFromTsmValueType(type.Name, out string fromType, out int size));
        Assert.Equal((name, SizeOf(type)), (fromType, size));
    }

    [Fact]
    public void The_opaque_types_the_generator_names_are_exactly_the_runtimes_opaque_structs()
    {
        var runtimeOpaque = RuntimeValueTypes().Where(t => AlgorithmOf(t) == MeasurementHash.None).ToList();
        int[] generatorSizes = Enumerable.Range(0, 4097).Where(size => HashAlgorithms.OpaqueType(size) is not null).ToArray();

        Assert.Equal(runtimeOpaque.Select(SizeOf).Order(), generatorSizes);
        Assert.All(runtimeOpaque, type =>
        {
            Assert.Equal(type, RuntimeType(HashAlgorithms.OpaqueType(SizeOf(type))));
            Assert.True(HashNames.TryFromTsmValueType(type.Name, out string hash, out int size));
            Assert.Equal((HashAlgorithms.None, SizeOf(type)), (hash, size));
        });
    }

    [Fact]
    public void Every_runtime_value_struct_is_one_the_analyzer_recognises()
    {
        Assert.All(RuntimeValueTypes(), type => Assert.True(HashNames.TryFromTsmValueType(type.Name, out _, out _), type.Name));
        Assert.False(HashNames.TryFromTsmValueType(nameof(AgileDigest), out _, out _));
    }

    [Theory]
    [MemberData(nameof(Hashes))]
    public void The_analyzers_cryptography_class_hashes_what_the_runtime_computes(MeasurementHash hash)
    {
        string name = MeasurementHashInfo.KernelName(hash);
        string? className = HashNames.CryptographyClass(name);

        Assert.Equal(MeasurementHashInfo.TryGetHashAlgorithmName(hash, out HashAlgorithmName dotnetName), className is not null);
        if (className is not null)
        {
            Type? cryptography = typeof(SHA256).Assembly.GetType("System.Security.Cryptography." + className);
            Assert.NotNull(cryptography?.GetMethod(nameof(SHA256.HashData), [typeof(byte[])]));
            Assert.Equal(dotnetName, (HashAlgorithmName)typeof(HashAlgorithmName).GetProperty(className)!.GetValue(null)!);
            Assert.Equal(name, HashNames.FromCryptographyClass(className));
            Assert.Equal(name, HashNames.FromHashAlgorithmName(className));
        }
    }

    [Fact]
    public void The_json_schemas_hash_enums_are_the_generators_kernel_names()
    {
        Assert.Equal(HashAlgorithms.KernelNames, EnumOf("hashName"));
        Assert.Equal([.. HashAlgorithms.KernelNames, HashAlgorithms.None], EnumOf("hashNameOrNone"));
        Assert.Equal("#/$defs/hashName", SchemaDefinitions.Value.GetProperty("hashList").GetProperty("items").GetProperty("$ref").GetString());
    }

    [Fact]
    public void The_json_schemas_name_colon_hash_pattern_lists_the_generators_kernel_names()
    {
        string pattern = SchemaDefinitions.Value.GetProperty("registerRef").GetProperty("pattern").GetString()!;

        Match hashes = HashAlternatives().Match(pattern);

        Assert.True(hashes.Success, pattern);
        Assert.Equal(HashAlgorithms.KernelNames, hashes.Groups["hashes"].Value.Split('|'));
    }

    [Fact]
    public void The_json_schemas_size_rules_give_every_hash_its_digest_size_once()
    {
        var sizes = new List<(string Hash, int Size)>();
        foreach (JsonElement rule in SchemaDefinitions.Value.GetProperty("digestSizeMatchesHash").GetProperty("allOf").EnumerateArray())
        {
            JsonElement hash = rule.GetProperty("if").GetProperty("properties").GetProperty("hash");
            int size = rule.GetProperty("then").GetProperty("properties").GetProperty("size").GetProperty("const").GetInt32();
            IEnumerable<string> names = hash.TryGetProperty("const", out JsonElement single)
                ? [single.GetString()!]
                : hash.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);
            sizes.AddRange(names.Select(name => (name, size)));
        }

        Assert.Equal(
            HashAlgorithms.KernelNames.Select(name => (name, HashAlgorithms.DigestSize(name))).Order(),
            sizes.Order());
    }

    private static IEnumerable<string> EnumOf(string definition) =>
        SchemaDefinitions.Value.GetProperty(definition).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

    private static IEnumerable<Type> RuntimeValueTypes() => typeof(MeasurementHash).Assembly.GetExportedTypes()
        .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IMeasurementValue<>)));

    private static Type RuntimeType(string? name)
    {
        Assert.NotNull(name);
        Type? type = typeof(MeasurementHash).Assembly.GetType("Tsm." + name);
        Assert.True(type is not null, $"Tsm.Runtime has no type Tsm.{name}");
        return type;
    }

    private static MeasurementHash AlgorithmOf(Type type) =>
        (MeasurementHash)type.GetProperty(nameof(Sha256Digest.Algorithm), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static int SizeOf(Type type) =>
        (int)type.GetProperty(nameof(Sha256Digest.Size), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>The runtime's message spelling (<c>MeasurementHashInfo.DisplayName</c> is internal to Tsm.Runtime).</summary>
    private static string RuntimeDisplayName(MeasurementHash hash) =>
        (string)typeof(MeasurementHashInfo).GetMethod("DisplayName", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [hash])!;

    [GeneratedRegex(@"\(:\((?<hashes>[a-z0-9|-]+)\)\)\?\$$")]
    private static partial Regex HashAlternatives();
}
