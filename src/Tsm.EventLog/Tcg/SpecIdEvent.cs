using System;
using System.Buffers.Binary;

namespace Tsm.EventLog.Tcg;

/// <summary>
/// The data of the first event of a crypto-agile log, TCG_EfiSpecIDEvent (PFP, "Specification ID Version Event"): signature
/// "Spec ID Event03\0" (16 bytes), u32 platformClass, u8 specVersionMinor, u8 specVersionMajor, u8 specErrata,
/// u8 uintnSize, u32 numberOfAlgorithms, digestSizes[numberOfAlgorithms] (u16 algorithmId, u16 digestSize),
/// u8 vendorInfoSize, vendorInfo. It says which banks every later event carries and how long their digests are.
/// </summary>
public readonly ref struct SpecIdEvent
{
    /// <summary>The fixed part before digestSizes[]: 16 + 4 + 4 + 4 bytes.</summary>
    internal const int FixedSize = 28;

    private readonly ReadOnlySpan<byte> _data;

    internal SpecIdEvent(ReadOnlySpan<byte> data, ReadOnlySpan<byte> algorithms)
    {
        _data = data;
        Algorithms = new SpecIdAlgorithmList(algorithms);
    }

    /// <summary>"Spec ID Event03" followed by a NUL: the signature that marks a crypto-agile log.</summary>
    public static ReadOnlySpan<byte> Signature => "Spec ID Event03\0"u8;

    /// <summary>The event data this view reads, unchanged.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>platformClass: 0 client, 1 server.</summary>
    public uint PlatformClass => BinaryPrimitives.ReadUInt32LittleEndian(_data[16..]);

    /// <summary>specVersionMinor.</summary>
    public byte SpecVersionMinor => _data[20];

    /// <summary>specVersionMajor (2 for TPM 2.0 logs).</summary>
    public byte SpecVersionMajor => _data[21];

    /// <summary>specErrata.</summary>
    public byte SpecErrata => _data[22];

    /// <summary>uintnSize: 1 for 32-bit UINTN firmware, 2 for 64-bit.</summary>
    public byte UintnSize => _data[23];

    /// <summary>The banks of the log with their digest sizes, in file order.</summary>
    public SpecIdAlgorithmList Algorithms { get; }

    /// <summary>vendorInfo (e.g. "td-shim" in td-shim's CCEL); usually empty.</summary>
    public ReadOnlySpan<byte> VendorInfo => _data[(FixedSize + (4 * Algorithms.Count) + 1)..];

    /// <summary>Encodes a Spec ID event's data, for <see cref="TcgLogWriter.CreateCryptoAgile"/>.</summary>
    /// <param name="algorithms">The banks, in the order every event will carry them; at least one.</param>
    /// <param name="vendorInfo">Vendor bytes, at most 255.</param>
    /// <param name="platformClass">platformClass (0 client).</param>
    /// <param name="uintnSize">uintnSize (2 for 64-bit firmware).</param>
    /// <param name="specErrata">specErrata.</param>
    /// <returns>The event data, ready to be the first event of a log.</returns>
    /// <exception cref="ArgumentException">No algorithm, a digest size of 0 or above 64, or vendor info longer than 255 bytes.</exception>
    public static byte[] Encode(ReadOnlySpan<SpecIdAlgorithm> algorithms, ReadOnlySpan<byte> vendorInfo = default, uint platformClass = 0, byte uintnSize = 2, byte specErrata = 0)
    {
        if (algorithms.IsEmpty)
        {
            throw new ArgumentException("A Spec ID event names at least one algorithm.", nameof(algorithms));
        }

        if (vendorInfo.Length > byte.MaxValue)
        {
            throw new ArgumentException("vendorInfoSize is one byte: at most 255 bytes of vendor info.", nameof(vendorInfo));
        }

        byte[] data = new byte[FixedSize + (4 * algorithms.Length) + 1 + vendorInfo.Length];
        Signature.CopyTo(data);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(16), platformClass);
        data[20] = 0;
        data[21] = 2;
        data[22] = specErrata;
        data[23] = uintnSize;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(24), (uint)algorithms.Length);
        for (int i = 0; i < algorithms.Length; i++)
        {
            if (algorithms[i].DigestSize is 0 or > TcgLogParser.MaxDigestSize)
            {
                throw new ArgumentException($"Digest sizes are 1..{TcgLogParser.MaxDigestSize} bytes; {algorithms[i].Algorithm} has {algorithms[i].DigestSize}.", nameof(algorithms));
            }

            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(FixedSize + (4 * i)), (ushort)algorithms[i].Algorithm);
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(FixedSize + (4 * i) + 2), algorithms[i].DigestSize);
        }

        data[FixedSize + (4 * algorithms.Length)] = (byte)vendorInfo.Length;
        vendorInfo.CopyTo(data.AsSpan(FixedSize + (4 * algorithms.Length) + 1));
        return data;
    }
}
