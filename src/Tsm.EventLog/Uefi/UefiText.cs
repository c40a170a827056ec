using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Tsm.EventLog.Uefi;

/// <summary>Short, human-readable decodings of UEFI event data for <c>tsm log show</c>: variable names, device paths, strings.</summary>
internal static class UefiText
{
    /// <summary>
    /// UEFI_VARIABLE_DATA (PFP): EFI_GUID VariableName, u64 UnicodeNameLength (characters), u64
    /// VariableDataLength, CHAR16 UnicodeName[], VariableData[]. Gives "Name (guid)".
    /// </summary>
    public static string? Variable(ReadOnlySpan<byte> data)
    {
        if (data.Length < 32)
        {
            return null;
        }

        ulong nameLength = BinaryPrimitives.ReadUInt64LittleEndian(data[16..]);
        if (nameLength > (ulong)(data.Length - 32) / 2)
        {
            return null;
        }

        string name = Encoding.Unicode.GetString(data.Slice(32, 2 * (int)nameLength));
        return $"{name} ({new Guid(data[..16])})";
    }

    /// <summary>
    /// UEFI_IMAGE_LOAD_EVENT (PFP): u64 ImageLocationInMemory, u64 ImageLengthInMemory, u64
    /// ImageLinkTimeAddress, u64 LengthOfDevicePath, EFI_DEVICE_PATH. Gives the media file-path nodes joined, e.g.
    /// <c>\EFI\BOOT\BOOTX64.EFI</c> (UEFI 2.10 §10.3.5.4: type 4, subtype 4, UTF-16 path).
    /// </summary>
    public static string? ImagePath(ReadOnlySpan<byte> data)
    {
        if (data.Length < 32)
        {
            return null;
        }

        ulong pathLength = BinaryPrimitives.ReadUInt64LittleEndian(data[24..]);
        return pathLength > (ulong)(data.Length - 32) ? null : DevicePath(data.Slice(32, (int)pathLength));
    }

    /// <summary>The file-path nodes of a device path; other nodes as "type/subtype"; stops at the end node or at a malformed length.</summary>
    public static string DevicePath(ReadOnlySpan<byte> path)
    {
        var text = new StringBuilder();
        int nodes = 0;
        while (path.Length >= 4)
        {
            byte type = path[0];
            byte subtype = path[1];
            int length = BinaryPrimitives.ReadUInt16LittleEndian(path[2..]);
            if (type == 0x7F || length < 4 || length > path.Length)
            {
                break;
            }

            if (type == 4 && subtype == 4)
            {
                text.Append(Encoding.Unicode.GetString(path[4..length]).TrimEnd('\0'));
            }
            else
            {
                nodes++;
            }

            path = path[length..];
        }

        return text.Length > 0 ? text.ToString() : string.Create(CultureInfo.InvariantCulture, $"device path of {nodes} nodes");
    }

    /// <summary>Printable ASCII up to the first NUL (firmware and grub strings), or UTF-16LE text (systemd-boot, the EFI stub); null for binary data.</summary>
    public static string? Text(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> ascii = data.IndexOf((byte)0) is int nul and >= 0 ? data[..nul] : data;
        if (ascii.Length > 0 && IsPrintable(ascii))
        {
            return Encoding.ASCII.GetString(ascii);
        }

        if (data.Length >= 4 && data.Length % 2 == 0 && data[1] == 0)
        {
            string utf16 = Encoding.Unicode.GetString(data).TrimEnd('\0');
            if (utf16.Length > 0 && utf16.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0)
            {
                return utf16;
            }
        }

        return null;
    }

    /// <summary>Firmware blob events whose data starts with a one-byte length and a string (EV_EFI_PLATFORM_FIRMWARE_BLOB2, EV_EFI_HANDOFF_TABLES2).</summary>
    public static string? LengthPrefixedText(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2 || data[0] == 0 || data[0] >= data.Length)
        {
            return null;
        }

        ReadOnlySpan<byte> text = data.Slice(1, data[0]).TrimEnd((byte)0);
        return text.Length > 0 && IsPrintable(text) ? Encoding.ASCII.GetString(text) : null;
    }

    private static bool IsPrintable(ReadOnlySpan<byte> text) => text.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0 || OnlyTextControls(text);

    private static bool OnlyTextControls(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (b is not ((>= 0x20 and <= 0x7E) or (byte)'\n' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }
}
