using System.Buffers.Binary;
using System.Text;

namespace Tsm.Cli.Tests.Infrastructure;

/// <summary>Decoding sample files through the CLI.</summary>
internal static class Samples
{
    /// <summary>Runs <c>tsm decode FILE --json</c> on a sample, asserts success, and parses the JSON.</summary>
    public static DecodedJson DecodeJson(string relative)
    {
        CliResult result = TsmCli.Run("decode", SampleData.PathOf(relative), "--json");
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Stderr}");
        Assert.Equal("", result.Stderr);
        return DecodedJson.Parse(result.Stdout);
    }

    /// <summary>A little-endian integer field given as its bytes in file order, as MANIFEST.md writes TD_ATTRIBUTES and XFAM.</summary>
    public static ulong UInt64LittleEndian(string fileOrderHex) => BinaryPrimitives.ReadUInt64LittleEndian(Convert.FromHexString(fileOrderHex));

    /// <summary><paramref name="prefix"/> followed by zero bytes up to <paramref name="length"/> bytes, as hex.</summary>
    public static string ZeroPadded(string prefix, int length) => prefix.PadRight(2 * length, '0');

    public static string Zeros(int length) => new('0', 2 * length);

    /// <summary>The byte <paramref name="hexByte"/> <paramref name="count"/> times, as hex.</summary>
    public static string Repeated(string hexByte, int count) => string.Concat(Enumerable.Repeat(hexByte, count));

    /// <summary>The ASCII bytes of <paramref name="text"/>, as hex.</summary>
    public static string AsciiHex(string text) => Convert.ToHexStringLower(Encoding.ASCII.GetBytes(text));
}
