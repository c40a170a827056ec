using Tsm.Attestation;

namespace Tsm.EventLog.Tests.Recording;

/// <summary>The shipped platforms' application registers on a fresh emulator, and a temporary directory for logs.</summary>
internal static class RecordingPlatforms
{
    // TEMPORARY until the schemas carry their logical sections.
    public static readonly DeviceDefinition TdxDefinition = WithApplication(Tdx.Definition, "rtmr3");
    public static readonly DeviceDefinition TpmDefinition = WithApplication(Tpm.Definition, "pcr23");
    public static readonly DeviceDefinition CcaDefinition = WithApplication(ArmCca.Definition, "rem3");

    public static LogicalRegister TdxApplication(TsmBackend? backend = null) =>
        new((backend ?? TsmBackend.Emulated()).Open(TdxDefinition), MeasurementRole.Application);

    public static LogicalRegister TpmApplication(TsmBackend? backend = null) =>
        new((backend ?? TsmBackend.Emulated()).Open(TpmDefinition), MeasurementRole.Application);

    public static LogicalRegister CcaApplication(MeasurementHash realmHash) =>
        new(TsmBackend.Emulated(new EmulatorOptions { SelectedHash = realmHash }).Open(CcaDefinition), MeasurementRole.Application);

    private static DeviceDefinition WithApplication(DeviceDefinition d, string register) =>
        new(d.Vendor, d.DisplayName, d.SysfsDirectory, d.Encoding, d.Registers) { Roles = [new RoleMapping(MeasurementRole.Application, register)] };

    public static string NewLogPath()
    {
        string directory = Path.Combine(Path.GetTempPath(), "tsm-recording-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, "eventlog");
    }

    public static byte[] Read(LogicalRegister register, int bank = 0) => register.Read()[bank].Bytes.ToArray();
}
