using System;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// <c>kstrtouint(buf, 0, &amp;value)</c> as configfs-tsm's stores call it (<c>lib/kstrtox.c</c>): an optional <c>+</c>,
/// the radix from the prefix (<c>0x</c> hex when a hex digit follows, <c>0</c> octal, else decimal), at least one digit,
/// one optional trailing newline and nothing else. No digits or other characters give EINVAL, overflow ERANGE.
/// </summary>
internal static class KernelNumbers
{
    /// <summary>Parses <paramref name="text"/>; returns 0, or the positive errno <c>kstrtouint</c> returns.</summary>
    public static int ParseUInt(ReadOnlySpan<byte> text, out uint value)
    {
        value = 0;
        int i = 0;
        if (i < text.Length && text[i] == '+')
        {
            i++;
        }

        uint radix = 10;
        if (i < text.Length && text[i] == '0')
        {
            radix = 8;
            if (i + 2 < text.Length && (text[i + 1] | 0x20) == 'x' && Digit(text[i + 2]) < 16)
            {
                radix = 16;
                i += 2;
            }
        }

        ulong result = 0;
        bool overflow = false;
        int start = i;
        for (; i < text.Length && Digit(text[i]) < radix; i++)
        {
            ulong next = (result * radix) + Digit(text[i]);
            overflow |= result > (ulong.MaxValue - Digit(text[i])) / radix;
            result = next;
        }

        if (overflow)
        {
            return LinuxErrno.ERANGE;
        }

        if (i == start)
        {
            return LinuxErrno.EINVAL;
        }

        if (i < text.Length && text[i] == '\n')
        {
            i++;
        }

        if (i != text.Length)
        {
            return LinuxErrno.EINVAL;
        }

        if (result > uint.MaxValue)
        {
            return LinuxErrno.ERANGE;
        }

        value = (uint)result;
        return 0;
    }

    private static uint Digit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => (uint)(c - '0'),
        >= (byte)'a' and <= (byte)'f' => (uint)(c - 'a' + 10),
        >= (byte)'A' and <= (byte)'F' => (uint)(c - 'A' + 10),
        _ => uint.MaxValue,
    };
}
