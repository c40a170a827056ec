using Tsm.Attestation;

namespace Tsm.EventLog.Tests.Recording;

/// <summary>The shipped platforms' application registers on a fresh emulator, and a temporary directory for logs.</summary>
internal static class RecordingPlatforms
{
    public static LogicalRegister TdxApplication(TsmBackend? backend = null) =>
        new((backend ?? TsmBackend.Emulated()).Open(Tdx.Definition), MeasurementRole.Application);

    public static LogicalRegister TpmApplication(TsmBackend? backend = null) =>
        new((backend ?? TsmBackend.Emulated()).Open(Tpm.Definition), MeasurementRole.Application);

    public static LogicalRegister CcaApplication(MeasurementHash realmHash) =>
        new(TsmBackend.Emulated(new EmulatorOptions { SelectedHash = realmHash }).Open(ArmCca.Definition), MeasurementRole.Application);

    public static string NewLogPath()
    {
        string directory = Path.Combine(Path.GetTempPath(), "tsm-recording-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, "eventlog");
    }

    public static byte[] Read(LogicalRegister register, int bank = 0) => register.Read()[bank].Bytes.ToArray();
}
