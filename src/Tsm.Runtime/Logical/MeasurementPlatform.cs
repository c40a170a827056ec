using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Tsm;

/// <summary>
/// The hardware-independent entry point: whatever platform the machine is (TDX, Arm CCA, a TPM), the same
/// <see cref="Application"/>, <see cref="Os"/>, <see cref="Boot"/> and <see cref="Firmware"/> registers. Generated code
/// passes the definitions of every vendor whose schema maps roles (<c>MeasurementPlatforms.Open()</c>).
/// </summary>
public sealed class MeasurementPlatform : IDisposable
{
    private readonly Dictionary<MeasurementRole, LogicalRegister> _roles = new();

    private MeasurementPlatform(MeasurementSession session) => Session = session;

    /// <summary>The open device.</summary>
    public MeasurementSession Session { get; }

    /// <summary>The device's definition.</summary>
    public DeviceDefinition Definition => Session.Definition;

    /// <summary>The schema's vendor id (<c>tdx</c>, <c>arm-cca</c>, <c>tpm</c>).</summary>
    public string Vendor => Definition.Vendor;

    /// <summary>The register of the <see cref="MeasurementRole.Application"/> role: where applications record their events.</summary>
    public LogicalRegister Application => Role(MeasurementRole.Application);

    /// <summary>The register of the <see cref="MeasurementRole.Os"/> role.</summary>
    public LogicalRegister Os => Role(MeasurementRole.Os);

    /// <summary>The register of the <see cref="MeasurementRole.Boot"/> role.</summary>
    public LogicalRegister Boot => Role(MeasurementRole.Boot);

    /// <summary>The register of the <see cref="MeasurementRole.Firmware"/> role.</summary>
    public LogicalRegister Firmware => Role(MeasurementRole.Firmware);

    /// <summary>Wraps an open session whose device maps roles; the platform owns the session.</summary>
    /// <exception cref="ArgumentException">The device maps no roles.</exception>
    public static MeasurementPlatform Open(MeasurementSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Definition.Roles.Count == 0)
        {
            throw new ArgumentException($"{session.Definition.DisplayName} maps no logical roles (its schema has no 'logical' section).", nameof(session));
        }

        return new MeasurementPlatform(session);
    }

    /// <summary>
    /// Finds the platform of this machine among <paramref name="candidates"/>: a TEE's own registers first (tsm-mr
    /// devices whose directory exists, in the order given: TDX, Arm CCA; a machine has at most one), then a TPM (<c>/dev/tpmrm0</c>, else its sysfs PCR files). A
    /// TEE's registers come first because they are measured by the TEE itself, while a TPM in a confidential VM
    /// (an SVSM vTPM on SEV-SNP) is the fallback for platforms without run-time registers.
    /// </summary>
    /// <exception cref="TsmDeviceNotFoundException">No candidate is present; the message lists every path probed.</exception>
    public static MeasurementPlatform Detect(IReadOnlyList<DeviceDefinition> candidates) => Detect(candidates, TsmBackend.TpmResourceManagerDevice);

    /// <summary>Opens <paramref name="vendor"/> among <paramref name="candidates"/> on <paramref name="backend"/> (the emulator, a TPM simulator, a directory).</summary>
    /// <exception cref="ArgumentException">No candidate has that vendor id; the message lists them.</exception>
    public static MeasurementPlatform Open(IReadOnlyList<DeviceDefinition> candidates, string vendor, TsmBackend backend)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(backend);
        DeviceDefinition definition = candidates.FirstOrDefault(d => string.Equals(d.Vendor, vendor, StringComparison.Ordinal))
            ?? throw new ArgumentException(
                $"No platform '{vendor}' maps logical roles; known: {string.Join(", ", candidates.Select(d => d.Vendor))}.",
                nameof(vendor));
        return Open(backend.Open(definition));
    }

    /// <summary><see cref="Detect(IReadOnlyList{DeviceDefinition})"/> with the TPM device path given, so tests can point it elsewhere.</summary>
    internal static MeasurementPlatform Detect(IReadOnlyList<DeviceDefinition> candidates, string tpmDevice)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        IEnumerable<DeviceDefinition> ordered = candidates
            .Where(d => d.Roles.Count > 0)
            .OrderBy(d => d.Encoding == SysfsEncoding.Hex ? 1 : 0);
        var probed = new List<string>();
        foreach (DeviceDefinition definition in ordered)
        {
            if ((definition.Encoding == SysfsEncoding.Hex && File.Exists(tpmDevice)) || Directory.Exists(definition.SysfsDirectory))
            {
                return new MeasurementPlatform(TsmBackend.Detect(definition, tpmDevice));
            }

            probed.Add(definition.Encoding == SysfsEncoding.Hex ? $"{tpmDevice} or {definition.SysfsDirectory} ({definition.DisplayName})" : $"{definition.SysfsDirectory} ({definition.DisplayName})");
        }

        throw new TsmDeviceNotFoundException(
            $"No measurement platform found: probed {(probed.Count == 0 ? "nothing (no candidate maps roles)" : string.Join(", ", probed))}. "
            + "Open one on TsmBackend.Emulated() to run without hardware.",
            path: probed.Count == 0 ? null : candidates[0].SysfsDirectory);
    }

    /// <summary>Whether the platform maps <paramref name="role"/>.</summary>
    public bool Supports(MeasurementRole role) => Definition.FindRole(role) is not null;

    /// <summary>The register of <paramref name="role"/>.</summary>
    /// <exception cref="ArgumentException">The platform maps no register to the role.</exception>
    public LogicalRegister Role(MeasurementRole role)
    {
        lock (_roles)
        {
            if (!_roles.TryGetValue(role, out LogicalRegister? register))
            {
                register = new LogicalRegister(Session, role);
                _roles.Add(role, register);
            }

            return register;
        }
    }

    /// <summary>Names the platform and where it lives.</summary>
    public override string ToString() => Session.ToString();

    /// <summary>Disposes the session.</summary>
    public void Dispose() => Session.Dispose();
}
