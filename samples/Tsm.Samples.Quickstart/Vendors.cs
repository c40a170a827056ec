using Tsm;
using Tsm.Vendors;

namespace Tsm.Samples.Quickstart;

/// <summary>The generated vendor classes this sample opted into (its own <see cref="TsmCatalog"/>), opened on hardware when present, else on the emulator.</summary>
internal static class Vendors
{
    public static IReadOnlyList<string> Names => TsmCatalog.Vendors;

    public static MeasurementDevice Open(string vendor)
    {
        try
        {
            return TsmCatalog.Open(vendor);
        }
        catch (TsmDeviceNotFoundException e)
        {
            Console.WriteLine($"No hardware: {e.Message}");
            Console.WriteLine("Using the in-process emulator of the kernel tsm-mr ABI instead.");
            Console.WriteLine();
            return TsmCatalog.Open(vendor, TsmBackend.Emulated());
        }
    }

    public static MeasurementDevice Open(string vendor, TsmBackend backend) => TsmCatalog.Open(vendor, backend);
}
