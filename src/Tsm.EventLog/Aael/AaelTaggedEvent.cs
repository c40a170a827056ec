using System;
using System.Buffers.Binary;

namespace Tsm.EventLog.Aael;

/// <summary>
/// The attestation agent's entry as a TCG tagged event (PC Client PFP <c>TCG_PCClientTaggedEvent</c>: u32
/// taggedEventID, u32 taggedEventDataSize, data), which it writes as EV_EVENT_TAG into a CCEL and Tsm into CEL
/// measurement logs: the id is the ASCII "AAEL" read as a little-endian u32, so its bytes are "LEAA"; the data is the line.
/// </summary>
internal static class AaelTaggedEvent
{
    /// <summary>The bytes before the line: id and size.</summary>
    public const int HeaderSize = 8;

    /// <summary>taggedEventID as it is stored.</summary>
    public static ReadOnlySpan<byte> Id => "LEAA"u8;

    /// <summary>Whether <paramref name="data"/> starts like one (the id and room for the size).</summary>
    public static bool Starts(ReadOnlySpan<byte> data) => data.Length >= HeaderSize && data.StartsWith(Id);

    /// <summary>The tagged event holding <paramref name="line"/>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> line)
    {
        byte[] tagged = new byte[HeaderSize + line.Length];
        Id.CopyTo(tagged);
        BinaryPrimitives.WriteUInt32LittleEndian(tagged.AsSpan(4), (uint)line.Length);
        line.CopyTo(tagged.AsSpan(HeaderSize));
        return tagged;
    }
}
