namespace Tsm.Runtime.Tests.Fixtures;

/// <summary>
/// Arm CCA as the proposed arm-cca-guest tsm-mr patch exposes it ("[PATCH 0/3] arm64/virt: Add Arm CCA measurement register support"; TF-RMM attest_measurement.c): RIM and REM0-3, named after
/// the hash the realm chose at creation, which is only known at run time.
/// </summary>
public static class CcaLike
{
    public const string SysfsDirectory = "/sys/class/misc/arm_cca_guest/measurements";

    public static readonly DeviceDefinition Definition = new(
        "arm-cca",
        "Arm CCA",
        SysfsDirectory,
        SysfsEncoding.Binary,
        [
            Choice("rim", RegisterFlags.Readable),
            Choice("rem0", RegisterFlags.Readable | RegisterFlags.Extendable | RegisterFlags.Live),
            Choice("rem1", RegisterFlags.Readable | RegisterFlags.Extendable | RegisterFlags.Live),
        ]);

    private static RegisterDefinition Choice(string name, RegisterFlags flags) =>
        new(name, $"{name}:{{hash}}", $"{name}:{{hash}}", 64, MeasurementHash.None, flags)
        {
            HashChoices = [MeasurementHash.Sha256, MeasurementHash.Sha384, MeasurementHash.Sha512],
        };
}
