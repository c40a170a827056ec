namespace Tsm.EventLog.Replay;

/// <summary>How an event's recorded digest follows from its own data, where its type defines that.</summary>
internal enum DigestRule
{
    /// <summary>The type defines no relation (the digest is of code or data the log does not hold).</summary>
    None,

    /// <summary>Digest = H(event data): EV_SEPARATOR, EV_ACTION, EV_EFI_ACTION, EV_EFI_VARIABLE_DRIVER_CONFIG, EV_EFI_VARIABLE_AUTHORITY, EV_EFI_GPT_EVENT, AAEL tagged events, CEL records.</summary>
    DataHash,

    /// <summary>Digest = H(UEFI_VARIABLE_DATA) or H(VariableData): EV_EFI_VARIABLE_BOOT and BOOT2 (edk2 hashes only the variable's data for these).</summary>
    VariableData,

    /// <summary>Digest = H(command) for grub and kernel command lines in EV_IPL: the text after the prefix up to the first NUL, with or without that NUL.</summary>
    CommandLine,
}
