using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Tsm.Runtime.Tests.Digests;

/// <summary>
/// The value structs agree with the runtime's hash table (<see cref="MeasurementHashInfo"/>), and their near-identical
/// source files do not drift apart: each one is <c>Sha256Digest.cs</c> with only its name, size and algorithm changed.
/// </summary>
public partial class DigestTableTests
{
    private static readonly IReadOnlyList<Type> ValueTypes = typeof(MeasurementHash).Assembly.GetTypes()
        .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IMeasurementValue<>)))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    public static TheoryData<string> ValueTypeNames() => new(ValueTypes.Select(t => t.Name));

    [Fact]
    public void Every_hash_algorithm_has_exactly_one_digest_struct_named_after_it()
    {
        var digestTypes = ValueTypes.Where(t => AlgorithmOf(t) != MeasurementHash.None).ToList();

        Assert.Equal(
            Enum.GetValues<MeasurementHash>().Where(h => h != MeasurementHash.None).Order(),
            digestTypes.Select(AlgorithmOf).Order());
        Assert.All(digestTypes, t => Assert.Equal(AlgorithmOf(t) + "Digest", t.Name));
    }

    [Fact]
    public void The_opaque_structs_are_the_32_48_and_64_byte_values_with_no_algorithm()
    {
        var opaqueTypes = ValueTypes.Where(t => AlgorithmOf(t) == MeasurementHash.None).ToList();

        Assert.Equal([32, 48, 64], opaqueTypes.Select(SizeOf).Order());
        Assert.All(opaqueTypes, t => Assert.Equal("Opaque" + SizeOf(t), t.Name));
    }

    [Fact]
    public void Every_value_struct_has_its_run_of_the_text_convention_tests()
    {
        var tested = typeof(DigestTableTests).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(MeasurementValueTextTests<>))
            .Select(t => t.BaseType!.GetGenericArguments()[0].Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(ValueTypes.Select(t => t.Name), tested);
    }

    [Theory]
    [MemberData(nameof(ValueTypeNames))]
    public void A_value_struct_is_exactly_its_algorithms_digest_size(string typeName)
    {
        Type type = ValueTypes.Single(t => t.Name == typeName);
        int inMemory = (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;

        Assert.Equal(SizeOf(type), inMemory);
        if (AlgorithmOf(type) != MeasurementHash.None)
        {
            Assert.Equal(MeasurementHashInfo.DigestSize(AlgorithmOf(type)), SizeOf(type));
        }
    }

    [Theory]
    [MemberData(nameof(ValueTypeNames))]
    public void A_value_file_is_the_sha256_file_with_only_its_name_size_and_algorithm_changed(string typeName)
    {
        Type type = ValueTypes.Single(t => t.Name == typeName);
        string template = Normalize(typeof(Sha256Digest));
        if (AlgorithmOf(type) == MeasurementHash.None)
        {
            // An opaque value has no algorithm, so it has no Compute; everything else is the same.
            template = ComputeLine().Replace(template, string.Empty);
        }

        Assert.Equal(template, Normalize(type));
    }

    private static MeasurementHash AlgorithmOf(Type type) =>
        (MeasurementHash)type.GetProperty(nameof(Sha256Digest.Algorithm), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static int SizeOf(Type type) =>
        (int)type.GetProperty(nameof(Sha256Digest.Size), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>
    /// The file of <paramref name="type"/> with its name, size, hex length and algorithm replaced by placeholders, and
    /// without the two documentation comments that describe the particular type (the struct's and Compute's).
    /// </summary>
    private static string Normalize(Type type)
    {
        int size = SizeOf(type);
        string text = File.ReadAllText(Path.Combine(DigestsDirectory.Value, type.Name + ".cs")).ReplaceLineEndings("\n");
        text = text.Replace(type.Name, "TValue", StringComparison.Ordinal)
            .Replace("InlineBytes" + size, "InlineBytesN", StringComparison.Ordinal)
            .Replace("MeasurementHash." + AlgorithmOf(type), "MeasurementHash.Algorithm", StringComparison.Ordinal);
        text = Regex.Replace(text, $@"\b{2 * size}\b", "HEX");
        text = Regex.Replace(text, $@"\b{size}\b", "SIZE");
        return TypeSpecificDocumentation().Replace(text, string.Empty);
    }

    private static readonly Lazy<string> DigestsDirectory = new(() =>
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tsm.Generators.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Tsm.Runtime", "Digests");
            }
        }

        throw new InvalidOperationException("Tsm.Generators.sln not found above " + AppContext.BaseDirectory);
    });

    [GeneratedRegex(@"(?m)(^ *///.*\n)+(?=(public readonly struct| *public static TValue Compute\())")]
    private static partial Regex TypeSpecificDocumentation();

    [GeneratedRegex(@"(?m)^ *public static TValue Compute\(.*\n\n")]
    private static partial Regex ComputeLine();
}
