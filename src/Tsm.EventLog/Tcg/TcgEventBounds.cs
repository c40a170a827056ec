namespace Tsm.EventLog.Tcg;

/// <summary>Where the parts of one event are, as offsets into the log.</summary>
internal readonly record struct TcgEventBounds(
    int Offset, int Length, uint Index, uint Type, int DigestsOffset, int DigestsLength, int DigestCount, int DataOffset, int DataLength, bool Sha1Layout);
