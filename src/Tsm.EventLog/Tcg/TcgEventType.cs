namespace Tsm.EventLog.Tcg;

/// <summary>
/// Event types of TCG PC Client logs: TCG PC Client Platform Firmware Profile Specification (PFP), Table 9
/// "Events" (the EV_EFI_* values are EV_EFI_EVENT_BASE 0x80000000 plus an offset). A log may carry other values; they
/// are kept as numbers. <see cref="TcgEventTypeNames.SpecName"/> gives the spec's EV_* spelling.
/// </summary>
public enum TcgEventType : uint
{
    /// <summary>EV_PREBOOT_CERT (deprecated).</summary>
    PrebootCert = 0x0,

    /// <summary>EV_POST_CODE: POST code or embedded firmware; the digest is of the code, the data names it.</summary>
    PostCode = 0x1,

    /// <summary>EV_UNUSED.</summary>
    Unused = 0x2,

    /// <summary>EV_NO_ACTION: informational, never extended (Spec ID, StartupLocality, SP800-155 events).</summary>
    NoAction = 0x3,

    /// <summary>EV_SEPARATOR: end of a phase; data is 4 bytes 0x00 (or 0xFF on error) and the digest is its hash.</summary>
    Separator = 0x4,

    /// <summary>EV_ACTION: an action string, digest = hash of the string.</summary>
    Action = 0x5,

    /// <summary>EV_EVENT_TAG: a TCG_PCClientTaggedEvent (also used by the attestation agent's AAEL records).</summary>
    EventTag = 0x6,

    /// <summary>EV_S_CRTM_CONTENTS.</summary>
    SCrtmContents = 0x7,

    /// <summary>EV_S_CRTM_VERSION.</summary>
    SCrtmVersion = 0x8,

    /// <summary>EV_CPU_MICROCODE.</summary>
    CpuMicrocode = 0x9,

    /// <summary>EV_PLATFORM_CONFIG_FLAGS.</summary>
    PlatformConfigFlags = 0xA,

    /// <summary>EV_TABLE_OF_DEVICES.</summary>
    TableOfDevices = 0xB,

    /// <summary>EV_COMPACT_HASH.</summary>
    CompactHash = 0xC,

    /// <summary>EV_IPL: boot-loader measurements (grub command lines, kernel command lines, files).</summary>
    Ipl = 0xD,

    /// <summary>EV_IPL_PARTITION_DATA.</summary>
    IplPartitionData = 0xE,

    /// <summary>EV_NONHOST_CODE.</summary>
    NonhostCode = 0xF,

    /// <summary>EV_NONHOST_CONFIG.</summary>
    NonhostConfig = 0x10,

    /// <summary>EV_NONHOST_INFO.</summary>
    NonhostInfo = 0x11,

    /// <summary>EV_OMIT_BOOT_DEVICE_EVENTS.</summary>
    OmitBootDeviceEvents = 0x12,

    /// <summary>EV_POST_CODE2.</summary>
    PostCode2 = 0x13,

    /// <summary>EV_EFI_EVENT_BASE.</summary>
    EfiEventBase = 0x80000000,

    /// <summary>EV_EFI_VARIABLE_DRIVER_CONFIG: a UEFI_VARIABLE_DATA (Secure Boot variables); digest = hash of the event data.</summary>
    EfiVariableDriverConfig = 0x80000001,

    /// <summary>EV_EFI_VARIABLE_BOOT: a UEFI_VARIABLE_DATA of a Boot#### or BootOrder variable.</summary>
    EfiVariableBoot = 0x80000002,

    /// <summary>EV_EFI_BOOT_SERVICES_APPLICATION: an EFI image; data = UEFI_IMAGE_LOAD_EVENT with its device path.</summary>
    EfiBootServicesApplication = 0x80000003,

    /// <summary>EV_EFI_BOOT_SERVICES_DRIVER.</summary>
    EfiBootServicesDriver = 0x80000004,

    /// <summary>EV_EFI_RUNTIME_SERVICES_DRIVER.</summary>
    EfiRuntimeServicesDriver = 0x80000005,

    /// <summary>EV_EFI_GPT_EVENT: the GPT header and partition entries.</summary>
    EfiGptEvent = 0x80000006,

    /// <summary>EV_EFI_ACTION: an action string such as "Calling EFI Application from Boot Option"; digest = hash of the string.</summary>
    EfiAction = 0x80000007,

    /// <summary>EV_EFI_PLATFORM_FIRMWARE_BLOB.</summary>
    EfiPlatformFirmwareBlob = 0x80000008,

    /// <summary>EV_EFI_HANDOFF_TABLES.</summary>
    EfiHandoffTables = 0x80000009,

    /// <summary>EV_EFI_PLATFORM_FIRMWARE_BLOB2.</summary>
    EfiPlatformFirmwareBlob2 = 0x8000000A,

    /// <summary>EV_EFI_HANDOFF_TABLES2.</summary>
    EfiHandoffTables2 = 0x8000000B,

    /// <summary>EV_EFI_VARIABLE_BOOT2: like EV_EFI_VARIABLE_BOOT, digest = hash of the event data.</summary>
    EfiVariableBoot2 = 0x8000000C,

    /// <summary>EV_EFI_GPT_EVENT2.</summary>
    EfiGptEvent2 = 0x8000000D,

    /// <summary>EV_EFI_HCRTM_EVENT: the H-CRTM measured PCR0 (the StartupLocality event then says 4).</summary>
    EfiHcrtmEvent = 0x80000010,

    /// <summary>EV_EFI_VARIABLE_AUTHORITY: the db entry that authorised an image; digest = hash of the event data.</summary>
    EfiVariableAuthority = 0x800000E0,

    /// <summary>EV_EFI_SPDM_FIRMWARE_BLOB.</summary>
    EfiSpdmFirmwareBlob = 0x800000E1,

    /// <summary>EV_EFI_SPDM_FIRMWARE_CONFIG.</summary>
    EfiSpdmFirmwareConfig = 0x800000E2,

    /// <summary>EV_EFI_SPDM_DEVICE_POLICY.</summary>
    EfiSpdmDevicePolicy = 0x800000E3,

    /// <summary>EV_EFI_SPDM_DEVICE_AUTHORITY.</summary>
    EfiSpdmDeviceAuthority = 0x800000E4,
}
