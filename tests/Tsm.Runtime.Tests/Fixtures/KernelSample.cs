namespace Tsm.Runtime.Tests.Fixtures;

/// <summary>
/// The kernel's tsm-mr sample driver, <c>samples/tsm-mr/tsm_mr_sample.c</c>: seven files over five
/// buffers, two crypto-agile aliases, names as initial values, and a report digest refreshed when a live read finds the cache stale.
/// </summary>
public static class KernelSample
{
    public const string SysfsDirectory = "/sys/class/misc/tsm_mr_sample/measurements";

    private const RegisterFlags Rtmr = RegisterFlags.Readable | RegisterFlags.Extendable | RegisterFlags.Live;

    public static readonly DeviceDefinition Definition = new(
        "tsm-mr-sample",
        "tsm-mr sample",
        SysfsDirectory,
        SysfsEncoding.Binary,
        [
            new RegisterDefinition("static_mr", "static_mr:sha384", "static_mr:sha384", 48, MeasurementHash.Sha384, RegisterFlags.Readable) { Initial = InitialValue.Name },
            new RegisterDefinition("config_mr", "config_mr", "config_mr", 64, MeasurementHash.Sha512, RegisterFlags.Readable | RegisterFlags.NoHash) { Initial = InitialValue.Name },
            new RegisterDefinition("rtmr0", "rtmr0:sha256", "rtmr0:sha256", 32, MeasurementHash.Sha256, RegisterFlags.Readable | RegisterFlags.Live) { Initial = InitialValue.Name },
            new RegisterDefinition("rtmr1", "rtmr1:sha384", "rtmr1:sha384", 48, MeasurementHash.Sha384, Rtmr) { Initial = InitialValue.Name },
            new RegisterDefinition("rtmr_crypto_agile", "rtmr_crypto_agile:sha256", "rtmr_crypto_agile:sha256", 32, MeasurementHash.Sha256, Rtmr) { AliasOf = "rtmr0" },
            new RegisterDefinition("rtmr_crypto_agile", "rtmr_crypto_agile:sha384", "rtmr_crypto_agile:sha384", 48, MeasurementHash.Sha384, Rtmr) { AliasOf = "rtmr1" },
            new RegisterDefinition("report_digest", "report_digest:sha512", "report_digest:sha512", 64, MeasurementHash.Sha512, RegisterFlags.Readable | RegisterFlags.Live)
            {
                Refresh = new RefreshRule(MeasurementHash.Sha512, ["static_mr", "config_mr", "rtmr0", "rtmr1"]),
            },
        ]);

    public static readonly string[] Files =
    [
        "static_mr:sha384", "config_mr", "rtmr0:sha256", "rtmr1:sha384",
        "rtmr_crypto_agile:sha256", "rtmr_crypto_agile:sha384", "report_digest:sha512",
    ];

    /// <summary>The driver's initial buffer contents: the ASCII name, zero-padded.</summary>
    public static byte[] NamePadded(string name, int size)
    {
        byte[] value = new byte[size];
        System.Text.Encoding.ASCII.GetBytes(name).CopyTo(value, 0);
        return value;
    }
}
