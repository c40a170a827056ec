namespace Tsm.Attestation.Tests.Cca;

/// <summary>An encoded claim map and where each entry's key and value landed in it.</summary>
internal sealed record EncodedClaims(byte[] Bytes, IReadOnlyList<(long Key, int KeyOffset, int ValueOffset)> Entries)
{
    /// <summary>The offset of the value of the last entry with <paramref name="key"/>.</summary>
    public int ValueOffset(long key) => Entries.Last(e => e.Key == key).ValueOffset;

    /// <summary>The offset of the key of the last entry with <paramref name="key"/>.</summary>
    public int KeyOffset(long key) => Entries.Last(e => e.Key == key).KeyOffset;
}
