using System;
using System.Globalization;

namespace Tsm.EventLog.Aael;

/// <summary>
/// Checks AAEL text (hardware reference §6.3; guest-components <c>attestation-agent/src/eventlog/mod.rs</c>): UTF-8
/// lines ending in LF, printable ASCII only; the first is <c>INIT &lt;alg&gt;/&lt;hex&gt;</c> (as the code writes it, not
/// the spec's <c>INIT/&lt;alg&gt;</c>) with <c>alg</c> sha256, sha384 or sha512 and the hex exactly that digest's size;
/// every other line is <c>domain SP operation SP content</c> with a non-empty domain and operation.
/// </summary>
internal static class AaelParser
{
    public const string FormatName = "aael";

    public static bool TryParse(ReadOnlySpan<byte> log, out MeasurementHash hash, out int count, out int errorOffset, out int errorLine, out string? reason)
    {
        hash = MeasurementHash.None;
        count = 0;
        int offset = 0;
        int line = 1;
        while (offset < log.Length)
        {
            if (!TryReadLine(log, offset, line, count == 0, out LineBounds bounds, out errorOffset, out reason))
            {
                errorLine = line;
                return false;
            }

            if (count == 0)
            {
                hash = bounds.Hash;
            }

            offset = bounds.End;
            line++;
            count++;
        }

        if (count == 0)
        {
            errorOffset = 0;
            errorLine = 1;
            reason = "an AAEL starts with an INIT line";
            return false;
        }

        errorOffset = 0;
        errorLine = 0;
        reason = null;
        return true;
    }

    public static bool TryReadLine(ReadOnlySpan<byte> log, int offset, int line, bool first, out LineBounds bounds, out int errorOffset, out string? reason)
    {
        bounds = default;
        int newline = log[offset..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            return Fail(log.Length, "the last line has no LF: the entry may be incomplete", out errorOffset, out reason);
        }

        ReadOnlySpan<byte> text = log.Slice(offset, newline);
        int bad = text.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
        if (bad >= 0)
        {
            return Fail(offset + bad, string.Create(CultureInfo.InvariantCulture, $"byte 0x{text[bad]:x2} is not printable ASCII"), out errorOffset, out reason);
        }

        int firstSpace = text.IndexOf((byte)' ');
        bool isInit = firstSpace == 4 && text.StartsWith("INIT"u8);
        if (first != isInit)
        {
            return Fail(offset, first ? "the first line must be \"INIT <alg>/<hex>\"" : "INIT may only be the first line", out errorOffset, out reason);
        }

        if (isInit)
        {
            return TryInit(text, offset, out bounds, out errorOffset, out reason);
        }

        int secondSpace = firstSpace < 0 ? -1 : text[(firstSpace + 1)..].IndexOf((byte)' ');
        if (firstSpace <= 0 || secondSpace <= 0)
        {
            return Fail(offset, "an entry is \"<domain> <operation> <content>\" with a non-empty domain and operation", out errorOffset, out reason);
        }

        bounds = new LineBounds(offset, newline, offset + newline + 1, false, firstSpace, firstSpace + 1 + secondSpace, MeasurementHash.None);
        errorOffset = 0;
        reason = null;
        return true;
    }

    private static bool TryInit(ReadOnlySpan<byte> text, int offset, out LineBounds bounds, out int errorOffset, out string? reason)
    {
        bounds = default;
        ReadOnlySpan<byte> value = text[5..];
        int slash = value.IndexOf((byte)'/');
        MeasurementHash hash = slash < 0 ? MeasurementHash.None : value[..slash] switch
        {
            var name when name.SequenceEqual("sha256"u8) => MeasurementHash.Sha256,
            var name when name.SequenceEqual("sha384"u8) => MeasurementHash.Sha384,
            var name when name.SequenceEqual("sha512"u8) => MeasurementHash.Sha512,
            _ => MeasurementHash.None,
        };
        if (hash == MeasurementHash.None)
        {
            return Fail(offset + 5, "INIT names no algorithm of sha256, sha384, sha512 before '/'", out errorOffset, out reason);
        }

        ReadOnlySpan<byte> hex = value[(slash + 1)..];
        int size = MeasurementHashInfo.DigestSize(hash);
        if (hex.Length != 2 * size || hex.IndexOfAnyExcept("0123456789abcdefABCDEF"u8) >= 0)
        {
            return Fail(offset + 5 + slash + 1, string.Create(CultureInfo.InvariantCulture, $"the INIT value must be {2 * size} hex digits for {MeasurementHashInfo.KernelName(hash)}"), out errorOffset, out reason);
        }

        bounds = new LineBounds(offset, text.Length, offset + text.Length + 1, true, 4, 0, hash);
        errorOffset = 0;
        reason = null;
        return true;
    }

    private static bool Fail(int offset, string message, out int errorOffset, out string? reason)
    {
        errorOffset = offset;
        reason = message;
        return false;
    }

    /// <summary>Where one line is and how it splits.</summary>
    internal readonly record struct LineBounds(int Offset, int Length, int End, bool IsInit, int FirstSpace, int SecondSpace, MeasurementHash Hash);
}
