namespace Tsm.Runtime.Tests.Fixtures;

/// <summary>
/// A TPM as the kernel's TPM driver shows it in sysfs (<c>drivers/char/tpm/tpm-sysfs.c</c>; TCG PC Client PTP, PCR attributes): <c>pcr-&lt;hash&gt;/&lt;n&gt;</c> text files,
/// two banks, PCR 17 resetting to all 0xFF.
/// </summary>
public static class TpmLike
{
    public const string SysfsDirectory = "/sys/class/tpm/tpm0";

    public static readonly DeviceDefinition Definition = new(
        "tpm",
        "TPM 2.0",
        SysfsDirectory,
        SysfsEncoding.Hex,
        [
            Pcr(MeasurementHash.Sha1, 7, InitialValue.Zeros),
            Pcr(MeasurementHash.Sha256, 0, InitialValue.Zeros),
            Pcr(MeasurementHash.Sha256, 7, InitialValue.Zeros),
            Pcr(MeasurementHash.Sha256, 17, InitialValue.Ones),
        ]);

    private static RegisterDefinition Pcr(MeasurementHash bank, int index, InitialValue initial)
    {
        string hash = MeasurementHashInfo.KernelName(bank);
        return new RegisterDefinition($"pcr{index}", $"pcr{index}:{hash}", $"pcr-{hash}/{index}", MeasurementHashInfo.DigestSize(bank), bank, RegisterFlags.Readable | RegisterFlags.Extendable)
        {
            Bank = bank,
            ArrayName = "pcr",
            Index = index,
            Initial = initial,
        };
    }
}
