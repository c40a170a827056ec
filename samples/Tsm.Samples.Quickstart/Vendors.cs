using Tsm;
using Tsm.Vendors;

namespace Tsm.Samples.Quickstart;

/// <summary>The generated vendor classes this sample opted into, opened on hardware when present, else on the emulator.</summary>
internal static class Vendors
{
    public static readonly IReadOnlyList<string> Names = new[] { "tdx", "sev-snp", "arm-cca", "tpm", "tsm-mr-sample" };

    public static MeasurementDevice Open(string vendor)
    {
        try
        {
            return Open(vendor, backend: null);
        }
        catch (TsmDeviceNotFoundException e)
        {
            Console.WriteLine($"No hardware: {e.Message}");
            Console.WriteLine("Using the in-process emulator of the kernel tsm-mr ABI instead.");
            Console.WriteLine();
            return Open(vendor, TsmBackend.Emulated());
        }
    }

    public static MeasurementDevice Open(string vendor, TsmBackend? backend) => vendor switch
    {
        "tdx" => backend is null ? Tdx.Open() : Tdx.Open(backend),
        "sev-snp" => backend is null ? SevSnp.Open() : SevSnp.Open(backend),
        "arm-cca" => backend is null ? ArmCca.Open() : ArmCca.Open(backend),
        "tpm" => backend is null ? Tpm.Open() : Tpm.Open(backend),
        "tsm-mr-sample" => backend is null ? TsmMrSample.Open() : TsmMrSample.Open(backend),
        _ => throw new ArgumentException($"unknown vendor '{vendor}'", nameof(vendor)),
    };
}
