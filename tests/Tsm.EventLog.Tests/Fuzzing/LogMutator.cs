using System.Buffers.Binary;
using System.Globalization;

namespace Tsm.EventLog.Tests.Fuzzing;

/// <summary>
/// One seeded mutation of a sample, described for the failure message: bit flips, interesting bytes, random ranges,
/// truncation, appended bytes, random input, or a size/count field set to 0, small, huge or off by one.
/// </summary>
internal static class LogMutator
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x03, 0x04, 0x0A, 0x20, 0x7F, 0x80, 0xFE, 0xFF];

    public static (byte[] Bytes, string Description) Mutate(LogSample sample, Random rng)
    {
        byte[] bytes = (byte[])sample.Bytes.Clone();
        var what = new List<string>();
        switch (rng.Next(8))
        {
            case 0:
                for (int i = rng.Next(1, 9); i > 0 && bytes.Length > 0; i--)
                {
                    int at = rng.Next(bytes.Length);
                    int bit = rng.Next(8);
                    bytes[at] ^= (byte)(1 << bit);
                    what.Add($"flip bit {bit} of byte {at}");
                }

                break;
            case 1:
                for (int i = rng.Next(1, 9); i > 0 && bytes.Length > 0; i--)
                {
                    int at = rng.Next(bytes.Length);
                    bytes[at] = Interesting[rng.Next(Interesting.Length)];
                    what.Add($"byte {at} := 0x{bytes[at]:x2}");
                }

                break;
            case 2:
                int start = rng.Next(bytes.Length + 1);
                int length = rng.Next(Math.Min(64, bytes.Length - start) + 1);
                rng.NextBytes(bytes.AsSpan(start, length));
                what.Add($"random bytes {start}..{start + length}");
                break;
            case 3:
                int cut = rng.Next(bytes.Length + 1);
                bytes = bytes[..cut];
                what.Add($"truncate to {cut}");
                break;
            case 4:
                byte[] longer = new byte[bytes.Length + rng.Next(1, 65)];
                bytes.CopyTo(longer, 0);
                if (rng.Next(2) == 0)
                {
                    rng.NextBytes(longer.AsSpan(bytes.Length));
                }

                what.Add($"append {longer.Length - bytes.Length} bytes");
                bytes = longer;
                break;
            case 5:
                bytes = new byte[rng.Next(256)];
                rng.NextBytes(bytes);
                what.Add($"random {bytes.Length} bytes");
                break;
            default:
                CorruptField(bytes, sample, rng, what);
                break;
        }

        return (bytes, string.Join("; ", what));
    }

    private static void CorruptField(byte[] bytes, LogSample sample, Random rng, List<string> what)
    {
        if (sample.Fields.Count == 0)
        {
            return;
        }

        SizeField field = sample.Fields[rng.Next(sample.Fields.Count)];
        ulong max = field.Size == 8 ? ulong.MaxValue : (1UL << (8 * field.Size)) - 1;
        ulong value = rng.Next(5) switch
        {
            0 => 0,
            1 => (ulong)rng.Next(1, 17),
            2 => new[] { max, max - 1, max >> 1, (ulong)bytes.Length, (ulong)bytes.Length + 1 }[rng.Next(5)] & max,
            3 => (Read(bytes, field) + 1) & max,
            _ => (ulong)rng.NextInt64() & max,
        };
        Span<byte> target = bytes.AsSpan(field.Offset, field.Size);
        for (int i = 0; i < field.Size; i++)
        {
            int shift = 8 * (field.BigEndian ? field.Size - 1 - i : i);
            target[i] = (byte)(value >> shift);
        }

        what.Add(string.Create(CultureInfo.InvariantCulture, $"field@{field.Offset}/{field.Size} := {value}"));
    }

    private static ulong Read(byte[] bytes, SizeField field)
    {
        ulong value = 0;
        for (int i = 0; i < field.Size; i++)
        {
            int shift = 8 * (field.BigEndian ? field.Size - 1 - i : i);
            value |= (ulong)bytes[field.Offset + i] << shift;
        }

        return value;
    }

    /// <summary>A little-endian u32 at <paramref name="offset"/>, for building field lists.</summary>
    public static uint UInt32(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));
}
