using System.Buffers.Binary;
using System.Globalization;

namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>
/// Makes one mutated copy of a sample from a seeded <see cref="Random"/>: bit flips, byte sets, overwritten ranges,
/// truncation, appended bytes, wholly random input, and corrupted length/type/version fields (0, small, huge,
/// off by one, random), alone or combined. The description says exactly what was done, for the failure message.
/// </summary>
internal static class Mutator
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x7F, 0x80, 0x81, 0xFE, 0xFF];

    /// <summary>Layout versions tried besides the sample's own, for the parsers that take one.</summary>
    private static readonly long[] OddVersions = [0, 1, 2, 3, 4, 5, -1, long.MaxValue, long.MinValue, int.MaxValue + 3L];

    public static (byte[] Bytes, long Version, string Description) Mutate(FuzzSample sample, bool takesVersion, Random rng)
    {
        byte[] bytes = (byte[])sample.Bytes.Clone();
        var description = new List<string>();
        int kind = rng.Next(9);
        switch (kind)
        {
            case 0:
                FlipBits(bytes, rng, description);
                break;
            case 1:
                SetBytes(bytes, rng, description);
                break;
            case 2:
                OverwriteRange(bytes, rng, description);
                break;
            case 3:
                bytes = Truncate(bytes, rng, description);
                break;
            case 4:
                bytes = Append(bytes, rng, description);
                break;
            case 5:
                bytes = new byte[rng.Next(2 * sample.Bytes.Length + 1)];
                rng.NextBytes(bytes);
                description.Add($"random {bytes.Length} bytes");
                break;
            case 6:
            case 7:
                CorruptField(bytes, sample, rng, description);
                break;
            default:
                CorruptField(bytes, sample, rng, description);
                FlipBits(bytes, rng, description);
                if (rng.Next(2) == 0)
                {
                    bytes = Truncate(bytes, rng, description);
                }

                break;
        }

        long version = sample.Version;
        if (takesVersion && rng.Next(4) == 0)
        {
            version = OddVersions[rng.Next(OddVersions.Length)];
            description.Add(string.Create(CultureInfo.InvariantCulture, $"layout version {version}"));
        }

        return (bytes, version, string.Join("; ", description));
    }

    private static void FlipBits(byte[] bytes, Random rng, List<string> description)
    {
        if (bytes.Length == 0)
        {
            return;
        }

        int count = rng.Next(1, 9);
        for (int i = 0; i < count; i++)
        {
            int at = rng.Next(bytes.Length);
            int bit = rng.Next(8);
            bytes[at] ^= (byte)(1 << bit);
            description.Add($"flip bit {bit} of byte {at}");
        }
    }

    private static void SetBytes(byte[] bytes, Random rng, List<string> description)
    {
        int count = rng.Next(1, 9);
        for (int i = 0; i < count && bytes.Length > 0; i++)
        {
            int at = rng.Next(bytes.Length);
            bytes[at] = rng.Next(2) == 0 ? InterestingBytes[rng.Next(InterestingBytes.Length)] : (byte)rng.Next(256);
            description.Add($"byte {at} := 0x{bytes[at]:x2}");
        }
    }

    private static void OverwriteRange(byte[] bytes, Random rng, List<string> description)
    {
        int start = rng.Next(bytes.Length + 1);
        int length = rng.Next(Math.Min(256, bytes.Length - start) + 1);
        rng.NextBytes(bytes.AsSpan(start, length));
        description.Add($"random bytes {start}..{start + length}");
    }

    private static byte[] Truncate(byte[] bytes, Random rng, List<string> description)
    {
        int length = rng.Next(bytes.Length + 1);
        description.Add($"truncate to {length}");
        return bytes[..length];
    }

    private static byte[] Append(byte[] bytes, Random rng, List<string> description)
    {
        byte[] longer = new byte[bytes.Length + rng.Next(1, 129)];
        bytes.CopyTo(longer, 0);
        if (rng.Next(2) == 0)
        {
            rng.NextBytes(longer.AsSpan(bytes.Length));
        }

        description.Add($"append {longer.Length - bytes.Length} bytes");
        return longer;
    }

    private static void CorruptField(byte[] bytes, FuzzSample sample, Random rng, List<string> description)
    {
        if (sample.Fields.Count == 0)
        {
            FlipBits(bytes, rng, description);
            return;
        }

        LengthField field = sample.Fields[rng.Next(sample.Fields.Count)];
        Span<byte> target = bytes.AsSpan(field.Offset, field.Size);
        ulong max = (1UL << (8 * field.Size)) - 1;
        ulong original = Read(target);
        (ulong value, string how) = rng.Next(5) switch
        {
            0 => (0UL, "zero"),
            1 => ((ulong)rng.Next(1, 17), "small"),
            2 => (Huge(max, (ulong)bytes.Length, rng), "huge"),
            3 => (rng.Next(2) == 0 ? original + 1 : original - 1, "off by one"),
            _ => ((ulong)rng.NextInt64() & max, "random"),
        };
        Write(target, value & max);
        description.Add(string.Create(CultureInfo.InvariantCulture, $"{field.Name}@{field.Offset} := {value & max} ({how}, was {original})"));
    }

    private static ulong Huge(ulong max, ulong inputLength, Random rng)
    {
        ulong[] candidates = [max, max - 1, max >> 1, (max >> 1) + 1, inputLength, inputLength + 1, 2 * inputLength];
        return candidates[rng.Next(candidates.Length)];
    }

    private static ulong Read(ReadOnlySpan<byte> field) => field.Length switch
    {
        1 => field[0],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(field),
        _ => BinaryPrimitives.ReadUInt32LittleEndian(field),
    };

    private static void Write(Span<byte> field, ulong value)
    {
        switch (field.Length)
        {
            case 1:
                field[0] = (byte)value;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16LittleEndian(field, (ushort)value);
                break;
            default:
                BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)value);
                break;
        }
    }
}
