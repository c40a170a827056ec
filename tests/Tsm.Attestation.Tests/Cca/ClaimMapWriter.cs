using System.Formats.Cbor;

namespace Tsm.Attestation.Tests.Cca;

/// <summary>
/// Writes claim maps entry by entry, including what no RMM writes (duplicate keys, keys in a longer encoding than
/// needed), and remembers where every key and value lands, so tests can expect errors at exact offsets. The presets
/// are well-formed realm and platform claims in the shape of the shared tokens.
/// </summary>
internal sealed class ClaimMapWriter
{
    private readonly List<(long Key, byte[] EncodedKey, Action<CborWriter> Value)> _entries = [];

    public static ClaimMapWriter Realm() => new ClaimMapWriter()
        .Add(265, w => w.WriteTextString("tag:arm.com,2024:realm#2.0.0"))
        .Add(10, w => w.WriteByteString(Repeat(0xAB, 64)))
        .Add(44235, w => w.WriteByteString(Repeat(0xAD, 64)))
        .Add(44238, w => w.WriteByteString(Repeat(0x43, 32)))
        .Add(44239, w => WriteByteStrings(w, Repeat(0x44, 32), Repeat(0x45, 32), Repeat(0x46, 32), Repeat(0x47, 32)))
        .Add(44236, w => w.WriteTextString("sha-256"))
        .Add(44237, w => w.WriteByteString(Repeat(0x04, 97)))
        .Add(44240, w => w.WriteTextString("sha-512"));

    public static ClaimMapWriter Platform() => new ClaimMapWriter()
        .Add(265, w => w.WriteTextString("tag:arm.com,2023:cca_platform#1.0.0"))
        .Add(10, w => w.WriteByteString(Repeat(0x11, 64)))
        .Add(2396, w => w.WriteByteString(new byte[32]))
        .Add(256, w => w.WriteByteString([0x01, .. Repeat(0x02, 32)]))
        .Add(2401, w => w.WriteByteString([1, 2, 3]))
        .Add(2395, w => w.WriteUInt64(12288))
        .Add(2399, w =>
        {
            w.WriteStartArray(1);
            w.WriteStartMap(5);
            w.WriteInt32(1);
            w.WriteTextString("RMM");
            w.WriteInt32(2);
            w.WriteByteString(Repeat(0x03, 32));
            w.WriteInt32(4);
            w.WriteTextString("1.0.0");
            w.WriteInt32(5);
            w.WriteByteString(Repeat(0x04, 32));
            w.WriteInt32(6);
            w.WriteTextString("sha-256");
            w.WriteEndMap();
            w.WriteEndArray();
        })
        .Add(2400, w => w.WriteTextString("https://veraison.example/v1/challenge-response"))
        .Add(2402, w => w.WriteTextString("sha-256"));

    public static byte[] Repeat(byte value, int count) => Enumerable.Repeat(value, count).ToArray();

    public static void WriteByteStrings(CborWriter writer, params byte[][] values)
    {
        writer.WriteStartArray(values.Length);
        foreach (byte[] value in values)
        {
            writer.WriteByteString(value);
        }

        writer.WriteEndArray();
    }

    public ClaimMapWriter Add(long key, Action<CborWriter> value) => Add(key, EncodeKey(key), value);

    /// <summary>Adds an entry whose key is written as <paramref name="encodedKey"/> (which must decode to <paramref name="key"/>).</summary>
    public ClaimMapWriter Add(long key, byte[] encodedKey, Action<CborWriter> value)
    {
        _entries.Add((key, encodedKey, value));
        return this;
    }

    public ClaimMapWriter Replace(long key, Action<CborWriter> value)
    {
        int index = _entries.FindIndex(e => e.Key == key);
        _entries[index] = (key, EncodeKey(key), value);
        return this;
    }

    public ClaimMapWriter Remove(long key)
    {
        _entries.RemoveAll(e => e.Key == key);
        return this;
    }

    public EncodedClaims Encode()
    {
        // Lax: the writer must not stop the tests from writing duplicate keys.
        var writer = new CborWriter(CborConformanceMode.Lax);
        var entries = new List<(long, int, int)>();
        writer.WriteStartMap(_entries.Count);
        foreach ((long key, byte[] encodedKey, Action<CborWriter> value) in _entries)
        {
            int keyOffset = writer.BytesWritten;
            writer.WriteEncodedValue(encodedKey);
            int valueOffset = writer.BytesWritten;
            value(writer);
            entries.Add((key, keyOffset, valueOffset));
        }

        writer.WriteEndMap();
        return new EncodedClaims(writer.Encode(), entries);
    }

    private static byte[] EncodeKey(long key)
    {
        var writer = new CborWriter();
        writer.WriteInt64(key);
        return writer.Encode();
    }
}
