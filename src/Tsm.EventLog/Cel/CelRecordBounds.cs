namespace Tsm.EventLog.Cel;

/// <summary>Where the parts of one CEL record are, as offsets into the log.</summary>
internal readonly record struct CelRecordBounds(
    int Offset, int Length, ulong RecordNumber, CelIndexType IndexType, uint Index, int DigestsOffset, int DigestsLength, int DigestCount, byte ContentType, int ContentTlvOffset, int ContentOffset, int ContentLength);
