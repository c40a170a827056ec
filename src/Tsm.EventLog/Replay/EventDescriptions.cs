using System;
using System.Globalization;
using Tsm.EventLog.Aael;
using Tsm.EventLog.Tcg;
using Tsm.EventLog.Uefi;

namespace Tsm.EventLog.Replay;

/// <summary>The short decoding of an event's data that <c>tsm log show</c> prints, by event type.</summary>
internal static class EventDescriptions
{
    public static string Describe(string typeName, ReadOnlySpan<byte> data) => typeName switch
    {
        "EV_EFI_VARIABLE_DRIVER_CONFIG" or "EV_EFI_VARIABLE_BOOT" or "EV_EFI_VARIABLE_BOOT2" or "EV_EFI_VARIABLE_AUTHORITY" =>
            UefiText.Variable(data) ?? Bytes(data),
        "EV_EFI_BOOT_SERVICES_APPLICATION" or "EV_EFI_BOOT_SERVICES_DRIVER" or "EV_EFI_RUNTIME_SERVICES_DRIVER" =>
            UefiText.ImagePath(data) ?? Bytes(data),
        "EV_SEPARATOR" => data.Length == 4 && data.IndexOfAnyExcept((byte)0) < 0 ? "separator" : "separator " + LowerHex.Of(data),
        "EV_NO_ACTION" => NoAction(data),
        "EV_EFI_PLATFORM_FIRMWARE_BLOB2" or "EV_EFI_HANDOFF_TABLES2" => UefiText.LengthPrefixedText(data) ?? Bytes(data),
        "cos" => Cos(data),
        "AAEL" or "INIT" => UefiText.Text(data) ?? Bytes(data),
        "EV_EVENT_TAG" when AaelTaggedEvent.Starts(data) => "AAEL " + (UefiText.Text(data[AaelTaggedEvent.HeaderSize..]) ?? Bytes(data[AaelTaggedEvent.HeaderSize..])),
        _ => UefiText.Text(data) ?? Bytes(data),
    };

    /// <summary>A COS content TLV (go-tpm-tools <c>cel/cos_tlv.go</c>): its value is one TLV, a COS event type and its text.</summary>
    private static string Cos(ReadOnlySpan<byte> contentTlv)
    {
        ReadOnlySpan<byte> value = contentTlv.Length >= 5 ? contentTlv[5..] : default;
        if (value.Length < 5)
        {
            return Bytes(value);
        }

        ReadOnlySpan<byte> text = value[5..];
        return string.Create(CultureInfo.InvariantCulture, $"cos event {value[0]}: {UefiText.Text(text) ?? Bytes(text)}");
    }

    private static string NoAction(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(SpecIdEvent.Signature))
        {
            return "Spec ID Event03";
        }

        if (StartupLocalityEvent.TryParse(data, out byte locality))
        {
            return string.Create(CultureInfo.InvariantCulture, $"StartupLocality {locality}");
        }

        return UefiText.Text(data) ?? Bytes(data);
    }

    private static string Bytes(ReadOnlySpan<byte> data) => string.Create(CultureInfo.InvariantCulture, $"{data.Length} bytes");
}
