using System;
using System.Globalization;
using System.Text;
using Tsm.EventLog.Aael;

namespace Tsm.EventLog.Recording;

/// <summary>AAEL text: each entry is a line and its own measured bytes; INIT is extended too (guest-components <c>eventlog/mod.rs</c>).</summary>
internal sealed class AaelCodec : LogCodec
{
    public override MeasurementLogFormat Format => MeasurementLogFormat.Aael;

    public override string? Unsupported(LogicalRegister register) => null;

    public override bool TryRead(ReadOnlySpan<byte> bytes, int offset, int number, LogicalRegister register, out LogEntry? entry, out string? reason)
    {
        entry = null;
        reason = null;
        if (bytes[offset..].IndexOf((byte)'\n') < 0)
        {
            return false;
        }

        if (!AaelParser.TryReadLine(bytes, offset, number + 1, number == 0, out AaelParser.LineBounds bounds, out int errorOffset, out string? why))
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"line {number + 1} (offset {errorOffset}): {why}");
            return true;
        }

        ReadOnlySpan<byte> text = bytes.Slice(bounds.Offset, bounds.Length);
        byte[]?[]? start = null;
        if (bounds.IsInit)
        {
            int bank = register.BankOf(bounds.Hash);
            if (bank < 0)
            {
                reason = $"the INIT names {MeasurementHashInfo.KernelName(bounds.Hash)}, a hash no bank of {register} uses; the log belongs to another register or platform";
                return true;
            }

            start = new byte[register.Banks.Count][];
            start[bank] = Convert.FromHexString(Encoding.ASCII.GetString(text[(text.IndexOf((byte)'/') + 1)..]));
        }

        entry = new LogEntry(bounds.End - offset, Encoding.ASCII.GetString(text), text.ToArray(), start);
        return true;
    }

    public override byte[] EncodeInit(LogicalRegister register, AgileDigest[] start, int initBank) =>
        Encoding.ASCII.GetBytes(AaelLine.Init(register.Hashes[initBank], start[initBank].Bytes) + "\n");

    public override byte[] Measured(string line) => Encoding.ASCII.GetBytes(line);

    public override byte[] EncodeEvent(LogicalRegister register, int number, string line, AgileDigest[] digests) => Encoding.ASCII.GetBytes(line + "\n");
}
