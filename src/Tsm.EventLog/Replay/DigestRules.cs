using System;
using System.Buffers.Binary;

namespace Tsm.EventLog.Replay;

/// <summary>Checks a recorded digest against the hash of its event's own data, by <see cref="DigestRule"/>.</summary>
internal static class DigestRules
{
    /// <summary>Grub's string measurements: upstream grub's "grub_cmd: " and "kernel_cmdline: ", the Red Hat patch's "grub_cmd " and "grub_kernel_cmdline ".</summary>
    private static readonly string[] CommandPrefixes = ["grub_cmd: ", "kernel_cmdline: ", "grub_cmd ", "grub_kernel_cmdline "];

    /// <summary>The rule of an EV_IPL event: only command lines have one (grub's file measurements hash the file, not its path).</summary>
    public static DigestRule ForIpl(ReadOnlySpan<byte> data) => CommandPrefixLength(data) > 0 ? DigestRule.CommandLine : DigestRule.None;

    /// <returns><see langword="null"/> when the rule defines no relation; otherwise whether the digest is the hash the rule gives.</returns>
    public static bool? Agrees(DigestRule rule, MeasurementHash bank, ReadOnlySpan<byte> data, ReadOnlySpan<byte> digest)
    {
        if (rule == DigestRule.None || !MeasurementHashInfo.IsSupported(bank))
        {
            return null;
        }

        switch (rule)
        {
            case DigestRule.DataHash:
                return HashEquals(bank, data, digest);
            case DigestRule.VariableData:
                return HashEquals(bank, data, digest) || (TryVariableData(data, out ReadOnlySpan<byte> value) && HashEquals(bank, value, digest));
            default:
                ReadOnlySpan<byte> text = data[CommandPrefixLength(data)..];
                int nul = text.IndexOf((byte)0);
                return nul < 0
                    ? HashEquals(bank, text, digest)
                    : HashEquals(bank, text[..nul], digest) || HashEquals(bank, text[..(nul + 1)], digest);
        }
    }

    private static int CommandPrefixLength(ReadOnlySpan<byte> data)
    {
        foreach (string prefix in CommandPrefixes)
        {
            if (data.Length >= prefix.Length && StartsWithAscii(data, prefix))
            {
                return prefix.Length;
            }
        }

        return 0;
    }

    private static bool StartsWithAscii(ReadOnlySpan<byte> data, string prefix)
    {
        for (int i = 0; i < prefix.Length; i++)
        {
            if (data[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>VariableData of a UEFI_VARIABLE_DATA (PFP): GUID, u64 UnicodeNameLength, u64 VariableDataLength, name, data.</summary>
    private static bool TryVariableData(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (data.Length < 32)
        {
            return false;
        }

        ulong nameLength = BinaryPrimitives.ReadUInt64LittleEndian(data[16..]);
        ulong dataLength = BinaryPrimitives.ReadUInt64LittleEndian(data[24..]);
        ulong left = (ulong)data.Length - 32;
        if (nameLength > left / 2 || dataLength > left - (2 * nameLength))
        {
            return false;
        }

        value = data.Slice(32 + (2 * (int)nameLength), (int)dataLength);
        return true;
    }

    private static bool HashEquals(MeasurementHash bank, ReadOnlySpan<byte> data, ReadOnlySpan<byte> digest)
    {
        Span<byte> computed = stackalloc byte[64];
        MeasurementHashInfo.Compute(bank, data, computed);
        return computed[..MeasurementHashInfo.DigestSize(bank)].SequenceEqual(digest);
    }
}
