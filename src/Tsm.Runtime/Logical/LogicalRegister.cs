using System;
using System.Collections.Generic;
using System.Linq;

namespace Tsm;

/// <summary>
/// A <see cref="MeasurementRole"/> on an open device: the register the schema maps it to, with every bank the platform
/// has (one for TDX and Arm CCA, each allocated bank of a TPM). An event is measured the crypto-agile way: each bank is
/// extended with the event's digest in that bank's hash (on Arm CCA the hash the realm chose at boot), so code that
/// records an event never names a register, a bank or an algorithm.
/// </summary>
public sealed class LogicalRegister
{
    private readonly RegisterDefinition[] _banks;
    private readonly MeasurementHash[] _hashes;

    /// <summary>Resolves <paramref name="role"/> on <paramref name="session"/>'s device.</summary>
    /// <exception cref="ArgumentException">The device maps no register to the role.</exception>
    /// <exception cref="TsmException">The register has no available bank, or its hash cannot be resolved on this backend.</exception>
    public LogicalRegister(MeasurementSession session, MeasurementRole role)
    {
        ArgumentNullException.ThrowIfNull(session);
        Session = session;
        Role = role;
        RoleMapping mapping = session.Definition.FindRole(role)
            ?? throw new ArgumentException(
                $"{session.Definition.DisplayName} maps no register to the '{MeasurementRoleNames.Of(role)}' role; it maps: {Describe(session.Definition)}.",
                nameof(role));
        Name = mapping.RegisterName;
        _banks = session.Definition.RegistersNamed(Name).Where(session.IsAvailable).ToArray();
        if (_banks.Length == 0)
        {
            throw new TsmException($"{session}: register '{Name}' (the '{MeasurementRoleNames.Of(role)}' role) has no bank on this platform.");
        }

        _hashes = Array.ConvertAll(_banks, session.ResolveHash);
        int unresolved = Array.IndexOf(_hashes, MeasurementHash.None);
        if (unresolved >= 0)
        {
            throw new TsmException($"{session}: the hash of '{_banks[unresolved].QualifiedName}' cannot be resolved, so events cannot be measured into it.");
        }

        Banks = Array.AsReadOnly(_banks);
        Hashes = Array.AsReadOnly(_hashes);
    }

    /// <summary>The session the register is read and extended through.</summary>
    public MeasurementSession Session { get; }

    /// <summary>The role.</summary>
    public MeasurementRole Role { get; }

    /// <summary>The schema name of the register (<c>rtmr3</c>, <c>pcr23</c>, <c>rem3</c>).</summary>
    public string Name { get; }

    /// <summary>The register in each available bank, in schema order.</summary>
    public IReadOnlyList<RegisterDefinition> Banks { get; }

    /// <summary>The hash of each bank, in <see cref="Banks"/> order (resolved: an Arm CCA REM's is the realm's).</summary>
    public IReadOnlyList<MeasurementHash> Hashes { get; }

    /// <summary>The position in <see cref="Banks"/> of the bank hashed with <paramref name="hash"/>, or -1.</summary>
    public int BankOf(MeasurementHash hash) => Array.IndexOf(_hashes, hash);

    /// <summary>The PCR index on a TPM (the register's index in its array), else -1.</summary>
    public int PcrIndex => _banks[0].Bank == MeasurementHash.None ? -1 : _banks[0].Index;

    /// <summary>The UEFI CC MR index of the register (TDX RTMR3: 4), or -1 when the schema gives none.</summary>
    public int CcMrIndex => _banks[0].CcMrIndex;

    /// <summary>The kernel-style names of the banks (<c>rtmr3:sha384</c>; <c>pcr23:sha1</c>, <c>pcr23:sha256</c>, ...).</summary>
    public IEnumerable<string> QualifiedNames => _banks.Select(Session.QualifiedNameOf);

    /// <summary>Reads every bank, in <see cref="Banks"/> order (on a TPM with one TPM2_PCR_Read, so of one moment).</summary>
    /// <exception cref="TsmException">A read failed.</exception>
    public AgileDigest[] Read()
    {
        var values = new AgileDigest[_banks.Length];
        Span<byte> buffer = stackalloc byte[_banks.Length * AgileDigest.MaxLength];
        Session.ReadAll(_banks, buffer);
        int offset = 0;
        for (int i = 0; i < values.Length; i++)
        {
            int size = MeasurementHashInfo.DigestSize(_hashes[i]);
            values[i] = new AgileDigest(_hashes[i], buffer.Slice(offset, size));
            offset += size;
        }

        return values;
    }

    /// <summary>The digests that measure <paramref name="eventData"/>: its hash in each bank's algorithm, in <see cref="Banks"/> order. No I/O.</summary>
    /// <exception cref="NotSupportedException">A bank's hash has no implementation on this platform (SM3).</exception>
    public AgileDigest[] Measure(ReadOnlySpan<byte> eventData)
    {
        var digests = new AgileDigest[_hashes.Length];
        for (int i = 0; i < digests.Length; i++)
        {
            digests[i] = AgileDigest.Compute(_hashes[i], eventData);
        }

        return digests;
    }

    /// <summary>Extends every bank with its digest (as one operation where the backend has one, see <see cref="MeasurementSession.ExtendAll"/>).</summary>
    /// <exception cref="ArgumentException">Not one digest per bank in <see cref="Banks"/> order, each of the bank's algorithm.</exception>
    /// <exception cref="TsmException">The extend failed.</exception>
    public void Extend(ReadOnlySpan<AgileDigest> digests) => Session.ExtendAll(_banks, digests);

    /// <summary>Measures <paramref name="eventData"/> into every bank: <see cref="Measure"/>, then <see cref="Extend"/>.</summary>
    /// <returns>The digests extended, in <see cref="Banks"/> order.</returns>
    /// <exception cref="TsmException">The extend failed.</exception>
    public AgileDigest[] ExtendEvent(ReadOnlySpan<byte> eventData)
    {
        AgileDigest[] digests = Measure(eventData);
        Extend(digests);
        return digests;
    }

    /// <summary>Names the role, the register and the session: <c>application (rtmr3:sha384) on Intel TDX at emulator</c>.</summary>
    public override string ToString() =>
        $"{MeasurementRoleNames.Of(Role)} ({string.Join(", ", QualifiedNames)}) on {Session}";

    private static string Describe(DeviceDefinition definition) =>
        definition.Roles.Count == 0
            ? "none"
            : string.Join(", ", definition.Roles.Select(mapping => $"{MeasurementRoleNames.Of(mapping.Role)} → {mapping.RegisterName}"));
}
