using System;
using System.Buffers.Binary;
using Tsm.EventLog.Tcg;

namespace Tsm.EventLog;

/// <summary>
/// Tells the formats apart by content. AAEL text starts with "INIT "; CEL JSON with '[' or '{'; CEL TLV with a recnum
/// TLV (type 0, big-endian length 1..8) followed by an index TLV (pcr 1, nv_index 2, CCMR 108), the first record whole. Everything else is
/// read as a TCG log, and a crypto-agile log whose only bank is SHA-384 is a CCEL: TDX firmware logs SHA-384 alone
/// (<c>EFI_CC_BOOT_HASH_ALG_SHA384</c>), while PC Client TPMs are required to have SHA-256 banks.
/// </summary>
public static class EventLogDetector
{
    /// <summary>The format of <paramref name="bytes"/>, judged by content only (the log is not checked).</summary>
    public static EventLogFormat Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("INIT "u8))
        {
            return EventLogFormat.Aael;
        }

        int first = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        if (first >= 0 && bytes[first] is (byte)'[' or (byte)'{')
        {
            return EventLogFormat.CelJson;
        }

        if (bytes.Length >= 5 && bytes[0] == 0)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(bytes[1..]);
            // A TCG log's first bytes can look like this by chance (pcrIndex 0, then digest bytes), so the whole first record must parse.
            if (length is >= 1 and <= 8 && bytes.Length > 5 + length && bytes[5 + (int)length] is 1 or 2 or 108
                && Cel.CelTlvParser.TryReadRecord(bytes, 0, out _, out _, out _))
            {
                return EventLogFormat.CelTlv;
            }
        }

        if (TcgLog.TryRead(bytes, out TcgLog log) && log.IsCryptoAgile)
        {
            SpecIdAlgorithmList algorithms = log.SpecId.Algorithms;
            return algorithms.Count == 1 && algorithms[0].Algorithm == TpmAlgorithm.Sha384 ? EventLogFormat.Ccel : EventLogFormat.TcgAgile;
        }

        return bytes.Length >= 48 && bytes.Slice(32, 16).SequenceEqual(SpecIdEvent.Signature) ? EventLogFormat.TcgAgile : EventLogFormat.TcgSha1;
    }
}
