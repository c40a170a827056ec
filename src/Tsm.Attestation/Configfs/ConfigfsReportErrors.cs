namespace Tsm.Attestation.Configfs;

/// <summary>
/// Builds the exceptions for configfs-tsm report failures, so that the kernel and the model word the same failure the
/// same way and every message names the attribute, the provider, the path and the remedy.
/// </summary>
internal static class ConfigfsReportErrors
{
    /// <summary>Maps the errno of one call on <paramref name="path"/> to its typed exception.</summary>
    /// <param name="errno">The positive errno.</param>
    /// <param name="action">What was being done, e.g. "Reading 'outblob'".</param>
    /// <param name="path">The instance directory or attribute file.</param>
    /// <param name="attribute">The attribute, or null for the instance directory.</param>
    /// <param name="provider">The provider, once known.</param>
    public static ConfigfsReportException FromErrno(int errno, string action, string path, string? attribute, string? provider)
    {
        string failed = $"{action} at '{path}' failed with {LinuxErrno.Describe(errno)}";
        string of = provider is null ? string.Empty : $" (provider '{provider}')";
        return errno switch
        {
            LinuxErrno.ENXIO when attribute is null => new ConfigfsProviderUnavailableException(
                $"{failed}: no configfs-tsm provider is registered. Load the guest driver (tdx_guest, sev_guest or arm_cca_guest) inside a confidential VM; to run without one, use EmulatedConfigfsTsm.",
                errno, path, attribute, provider),
            LinuxErrno.ENXIO => new ConfigfsProviderUnavailableException(
                $"{failed}: the provider{of} could not make the report (the firmware or RSI call failed). See the kernel log (dmesg).",
                errno, path, attribute, provider),
            LinuxErrno.ENOENT when attribute is null => new ConfigfsProviderUnavailableException(
                $"{failed}: configfs-tsm is not there. It needs Linux 6.7 or later with CONFIG_TSM_REPORTS, configfs mounted at /sys/kernel/config, and a confidential guest; to run without one, use EmulatedConfigfsTsm (tsm report --backend emulated).",
                errno, path, attribute, provider),
            LinuxErrno.ENOENT when attribute is not null => new ConfigfsAttributeNotSupportedException(
                $"{failed}: the provider{of} does not show '{attribute}'. Leave that option unset for this provider.",
                errno, path, attribute, provider),
            LinuxErrno.EINVAL or LinuxErrno.ERANGE => new ConfigfsInvalidRequestException(
                $"{failed}: the provider{of} rejected the request (inblob length, privlevel range, GUID syntax, service provider other than 'svsm', or no inblob written).",
                errno, path, attribute, provider),
            LinuxErrno.EFBIG => new ConfigfsBlobTooLargeException(
                $"{failed}: configfs-tsm takes at most {TsmReportAttributes.InblobMax} bytes of inblob and returns at most {TsmReportAttributes.OutblobMax} bytes of a blob.",
                errno, path, attribute, provider),
            LinuxErrno.EBUSY => new ConfigfsBusyException(
                $"{failed}: the provider{of} is busy (a quote still in flight or the firmware operand busy). Nothing was generated; retry later.",
                errno, path, attribute, provider),
            LinuxErrno.ETIMEDOUT => new ConfigfsTimeoutException(
                $"{failed}: the provider{of} gave up waiting for the quote. Check that the host's quote service (QGS) is running.",
                errno, path, attribute, provider),
            LinuxErrno.EINTR => new ConfigfsInterruptedException(
                $"{failed}: a signal interrupted the provider{of} on every attempt; nothing was generated.",
                errno, path, attribute, provider),
            LinuxErrno.ENOMEM => new ConfigfsOutOfMemoryException(
                $"{failed}: the kernel could not allocate the report buffer.",
                errno, path, attribute, provider),
            LinuxErrno.EFAULT or LinuxErrno.ETXTBSY => new ConfigfsProtocolException(
                $"{failed}: configfs refuses a zero-length binary write (EFAULT) and a descriptor that mixes reads and writes of a binary attribute (ETXTBSY).",
                errno, path, attribute, provider),
            _ => new ConfigfsReportException($"{failed}.", errno, path, attribute, provider),
        };
    }

    /// <summary>An inblob the provider would reject, raised before the instance is written to.</summary>
    public static ConfigfsInvalidRequestException InblobRejected(string rule, int length, string path, string provider) =>
        new($"An inblob of {length} bytes cannot be used: {rule}. Nothing was written to '{path}'.",
            errno: null, path, TsmReportAttributes.Inblob, provider);

    /// <summary>A blob or text attribute longer than its bound.</summary>
    public static ConfigfsBlobTooLargeException TooLarge(string attribute, string path, string? provider, int max) =>
        new($"Reading '{attribute}' at '{path}' returned more than {max} bytes, the most configfs-tsm returns; the file is not a configfs-tsm attribute.",
            errno: null, path, attribute, provider);

    /// <summary>A write that the kernel accepted only in part, which configfs never does for these attributes.</summary>
    public static ConfigfsProtocolException ShortWrite(string attribute, string path, string? provider, int expected, int written) =>
        new($"Writing '{attribute}' at '{path}' accepted {written} of {expected} bytes; configfs-tsm takes each store in one write, so the file is not a configfs-tsm attribute.",
            errno: null, path, attribute, provider);

    /// <summary>A text attribute whose contents are not what configfs-tsm shows.</summary>
    public static ConfigfsProtocolException Unparsable(string attribute, string path, string? provider, string text) =>
        new($"'{attribute}' at '{path}' holds '{text.TrimEnd('\n')}', which is not what configfs-tsm shows for it.",
            errno: null, path, attribute, provider);

    /// <summary>The generation moved differently from this process's stores on every attempt.</summary>
    public static ConfigfsGenerationRaceException Race(string path, string provider, int attempts, ulong before, ulong after, int stores) =>
        new($"Another writer changed the report instance '{path}' (provider '{provider}') on each of {attempts} attempts: the last saw generation {before} before and {after} after {stores} stores, not {unchecked(before + (ulong)stores)}. "
            + "Use an instance per context (ConfigfsReport creates a uniquely named one) and keep other processes out of it.",
            errno: null, path, attribute: TsmReportAttributes.Generation, provider);
}
