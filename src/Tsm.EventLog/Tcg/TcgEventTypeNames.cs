using System.Globalization;

namespace Tsm.EventLog.Tcg;

/// <summary>The spec spelling of event types (<c>EV_SEPARATOR</c>, <c>EV_EFI_VARIABLE_BOOT</c>), as <c>tsm log show</c> prints them.</summary>
public static class TcgEventTypeNames
{
    /// <summary>
    /// The PFP name of <paramref name="type"/>; a value the spec does not define is written as its hex number
    /// (<c>0x0000001f</c>). Known names are constants, so naming an event allocates nothing.
    /// </summary>
    public static string SpecName(this TcgEventType type) => type switch
    {
        TcgEventType.PrebootCert => "EV_PREBOOT_CERT",
        TcgEventType.PostCode => "EV_POST_CODE",
        TcgEventType.Unused => "EV_UNUSED",
        TcgEventType.NoAction => "EV_NO_ACTION",
        TcgEventType.Separator => "EV_SEPARATOR",
        TcgEventType.Action => "EV_ACTION",
        TcgEventType.EventTag => "EV_EVENT_TAG",
        TcgEventType.SCrtmContents => "EV_S_CRTM_CONTENTS",
        TcgEventType.SCrtmVersion => "EV_S_CRTM_VERSION",
        TcgEventType.CpuMicrocode => "EV_CPU_MICROCODE",
        TcgEventType.PlatformConfigFlags => "EV_PLATFORM_CONFIG_FLAGS",
        TcgEventType.TableOfDevices => "EV_TABLE_OF_DEVICES",
        TcgEventType.CompactHash => "EV_COMPACT_HASH",
        TcgEventType.Ipl => "EV_IPL",
        TcgEventType.IplPartitionData => "EV_IPL_PARTITION_DATA",
        TcgEventType.NonhostCode => "EV_NONHOST_CODE",
        TcgEventType.NonhostConfig => "EV_NONHOST_CONFIG",
        TcgEventType.NonhostInfo => "EV_NONHOST_INFO",
        TcgEventType.OmitBootDeviceEvents => "EV_OMIT_BOOT_DEVICE_EVENTS",
        TcgEventType.PostCode2 => "EV_POST_CODE2",
        TcgEventType.EfiEventBase => "EV_EFI_EVENT_BASE",
        TcgEventType.EfiVariableDriverConfig => "EV_EFI_VARIABLE_DRIVER_CONFIG",
        TcgEventType.EfiVariableBoot => "EV_EFI_VARIABLE_BOOT",
        TcgEventType.EfiBootServicesApplication => "EV_EFI_BOOT_SERVICES_APPLICATION",
        TcgEventType.EfiBootServicesDriver => "EV_EFI_BOOT_SERVICES_DRIVER",
        TcgEventType.EfiRuntimeServicesDriver => "EV_EFI_RUNTIME_SERVICES_DRIVER",
        TcgEventType.EfiGptEvent => "EV_EFI_GPT_EVENT",
        TcgEventType.EfiAction => "EV_EFI_ACTION",
        TcgEventType.EfiPlatformFirmwareBlob => "EV_EFI_PLATFORM_FIRMWARE_BLOB",
        TcgEventType.EfiHandoffTables => "EV_EFI_HANDOFF_TABLES",
        TcgEventType.EfiPlatformFirmwareBlob2 => "EV_EFI_PLATFORM_FIRMWARE_BLOB2",
        TcgEventType.EfiHandoffTables2 => "EV_EFI_HANDOFF_TABLES2",
        TcgEventType.EfiVariableBoot2 => "EV_EFI_VARIABLE_BOOT2",
        TcgEventType.EfiGptEvent2 => "EV_EFI_GPT_EVENT2",
        TcgEventType.EfiHcrtmEvent => "EV_EFI_HCRTM_EVENT",
        TcgEventType.EfiVariableAuthority => "EV_EFI_VARIABLE_AUTHORITY",
        TcgEventType.EfiSpdmFirmwareBlob => "EV_EFI_SPDM_FIRMWARE_BLOB",
        TcgEventType.EfiSpdmFirmwareConfig => "EV_EFI_SPDM_FIRMWARE_CONFIG",
        TcgEventType.EfiSpdmDevicePolicy => "EV_EFI_SPDM_DEVICE_POLICY",
        TcgEventType.EfiSpdmDeviceAuthority => "EV_EFI_SPDM_DEVICE_AUTHORITY",
        _ => string.Create(CultureInfo.InvariantCulture, $"0x{(uint)type:x8}"),
    };
}
