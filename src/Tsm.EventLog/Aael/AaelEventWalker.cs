using System;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Replay;

namespace Tsm.EventLog.Aael;

/// <summary>Feeds AAEL entries to replay: the register starts at the INIT value and each line's hash is extended.</summary>
internal static class AaelEventWalker
{
    public static void Walk(ReadOnlySpan<byte> bytes, RegisterId register, ReplayState state)
    {
        AaelLog log = AaelLog.Read(bytes);
        Span<byte> value = stackalloc byte[64];
        int size = MeasurementHashInfo.DigestSize(log.Hash);
        log.GetInitialValue(value[..size]);
        state.SetInitialValue(register, log.Hash, value[..size]);
        Span<byte> digest = stackalloc byte[64];
        foreach (AaelEntry entry in log)
        {
            // The line is the event data and its hash the digest, so the relation holds by construction.
            state.Event(new MeasuredEvent(entry.Number, entry.Offset, register, extends: true, entry.IsInit ? "INIT" : "AAEL", entry.Text, DigestRule.DataHash));
            MeasurementHashInfo.Compute(log.Hash, entry.Text, digest);
            state.Digest(log.Hash, digest[..size]);
        }
    }
}
