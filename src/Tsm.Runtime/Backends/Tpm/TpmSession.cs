using System;
using System.Collections.Generic;
using System.Linq;

namespace Tsm;

/// <summary>
/// An open TPM: the generated <c>Tpm</c> class reads and extends its PCRs through it, and it adds what only a TPM has:
/// crypto-agile extends of one event across every allocated bank in one command, PCR reset and random bytes. The
/// allocated banks are read once at open (TPM_CAP_PCRS); a register of any other bank throws
/// <see cref="TpmBankNotAllocatedException"/> before a command is sent. Commands are serialised, and after the first
/// use of each buffer nothing allocates per command.
/// </summary>
public sealed class TpmSession : MeasurementSession
{
    private const int ReadAttempts = 3;

    private readonly object _gate = new();
    private readonly TpmTransport _transport;
    private readonly byte? _locality;
    private readonly byte[] _command = new byte[TpmLimits.MaxMessageSize];
    private readonly byte[] _response = new byte[TpmLimits.MaxMessageSize];
    private readonly MeasurementHash[] _allocated;

    internal TpmSession(DeviceDefinition definition, TpmTransport transport, byte? locality)
        : base(definition)
    {
        _transport = transport;
        _locality = locality;
        if (transport.IsSimulator)
        {
            Startup();
        }

        _allocated = QueryAllocatedBanks();
        AllocatedBanks = Array.AsReadOnly(_allocated);
    }

    /// <summary>The TPM: a device path (<c>/dev/tpmrm0</c>) or a URI (<c>tcp://127.0.0.1:2321</c>).</summary>
    public override string Location => _transport.Location;

    /// <summary>The banks the TPM has allocated, in the order TPM_CAP_PCRS lists them.</summary>
    public IReadOnlyList<MeasurementHash> AllocatedBanks { get; }

    /// <summary>Whether the TPM has allocated <paramref name="bank"/>.</summary>
    public bool IsAllocated(MeasurementHash bank) => Array.IndexOf(_allocated, bank) >= 0;

    /// <summary>Names the TPM, the PCR and the bank: <c>tcp://127.0.0.1:2321 PCR 16 (sha256 bank)</c>.</summary>
    public override string PathOf(RegisterDefinition register)
    {
        _ = IndexOf(register);
        return $"{Location} PCR {register.Index} ({MeasurementHashInfo.KernelName(register.Bank)} bank)";
    }

    /// <inheritdoc/>
    /// <exception cref="TpmBankNotAllocatedException">The register's bank is not allocated.</exception>
    public override void Read(RegisterDefinition register, Span<byte> destination)
    {
        ThrowIfDisposed();
        _ = IndexOf(register);
        int size = CheckRead(register, destination);
        RequireAllocated(register.Bank, register.QualifiedName);
        ReadCore(register.Bank, [register.Index], destination[..size]);
    }

    /// <summary>Extends one bank of one PCR: TPM2_PCR_Extend with a single TPMT_HA.</summary>
    /// <inheritdoc/>
    /// <exception cref="TpmBankNotAllocatedException">The register's bank is not allocated.</exception>
    public override void Extend(RegisterDefinition register, ReadOnlySpan<byte> data)
    {
        ThrowIfDisposed();
        _ = IndexOf(register);
        CheckExtend(register, data);
        RequireAllocated(register.Bank, register.QualifiedName);
        ExtendCore(register.Index, [register.Bank], data);
    }

    /// <summary>A PCR exists in a bank only when the TPM has allocated that bank.</summary>
    /// <inheritdoc/>
    public override bool IsAvailable(RegisterDefinition register)
    {
        _ = IndexOf(register);
        return IsAllocated(register.Bank);
    }

    /// <summary>
    /// One TPM2_PCR_Read when the registers are one PCR in up to eight allocated banks (so the values are of one
    /// moment); otherwise, or when the TPM returns fewer banks than asked, one read per register.
    /// </summary>
    /// <inheritdoc/>
    public override void ReadAll(IReadOnlyList<RegisterDefinition> registers, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(registers);
        ThrowIfDisposed();
        int count = registers.Count;
        bool onePcr = count is > 0 and <= TpmLimits.PcrsPerRead && registers.All(r => r.Index == registers[0].Index && r.Bank != MeasurementHash.None && IsAllocated(r.Bank));
        if (onePcr)
        {
            Span<ushort> algorithms = stackalloc ushort[count];
            Span<int> sizes = stackalloc int[count];
            int total = 0;
            for (int i = 0; i < count; i++)
            {
                _ = IndexOf(registers[i]);
                algorithms[i] = TpmAlgorithms.IdOf(registers[i].Bank);
                sizes[i] = MeasurementHashInfo.DigestSize(registers[i].Bank);
                total += sizes[i];
            }

            if (destination.Length < total)
            {
                throw new ArgumentException($"The values of {count} banks need {total} bytes, but the destination has {destination.Length}.", nameof(destination));
            }

            int pcr = registers[0].Index;
            CheckPcr(pcr);
            lock (_gate)
            {
                ThrowIfDisposed();
                TpmResponseReader reader = Execute(TpmCommand.PcrRead, TpmPcrRead.WriteBanks(_command, algorithms, pcr), pcr);
                if (TpmPcrRead.ParseBanks(reader, algorithms, sizes, pcr, destination))
                {
                    return;
                }
            }
        }

        base.ReadAll(registers, destination);
    }

    /// <summary>
    /// One TPM2_PCR_Extend when the registers are the banks of one PCR, every allocated bank once, so the banks move together
    /// or not at all; otherwise one extend per register.
    /// </summary>
    /// <inheritdoc/>
    public override void ExtendAll(IReadOnlyList<RegisterDefinition> registers, ReadOnlySpan<AgileDigest> digests)
    {
        ThrowIfDisposed();
        CheckExtendAll(registers, digests);
        bool onePcr = registers.Count == _allocated.Length && registers.All(register => register.Index == registers[0].Index);
        if (onePcr && registers.Count > 0)
        {
            ExtendDigests(registers[0].Index, digests);
            return;
        }

        base.ExtendAll(registers, digests);
    }

    /// <summary>
    /// Reads <paramref name="pcrs"/> of <paramref name="bank"/> into <paramref name="destination"/>, one digest after another
    /// in the order given. One TPM2_PCR_Read reads up to eight PCRs; when the TPM returns fewer than asked, the rest are
    /// asked for again. If the TPM's pcrUpdateCounter changes between those commands the values would mix two states,
    /// so the whole read starts over (at most three times).
    /// </summary>
    /// <exception cref="ArgumentException">A PCR is outside 0-23 or repeated, or <paramref name="destination"/> is too short.</exception>
    /// <exception cref="TpmBankNotAllocatedException">The bank is not allocated.</exception>
    /// <exception cref="TpmException">The TPM failed, or kept changing the PCRs during the read.</exception>
    public void ReadPcrs(MeasurementHash bank, ReadOnlySpan<int> pcrs, Span<byte> destination)
    {
        ThrowIfDisposed();
        RequireAllocated(bank, register: null);
        int size = MeasurementHashInfo.DigestSize(bank);
        if (destination.Length < pcrs.Length * size)
        {
            throw new ArgumentException($"{pcrs.Length} {MeasurementHashInfo.KernelName(bank)} PCRs need {pcrs.Length * size} bytes, but the destination has {destination.Length}.", nameof(destination));
        }

        ReadCore(bank, pcrs, destination);
    }

    /// <summary>
    /// Measures one event the crypto-agile way: hashes <paramref name="eventData"/> once per allocated bank and extends
    /// every bank of <paramref name="pcr"/> in one TPM2_PCR_Extend, so the banks cannot drift apart.
    /// </summary>
    /// <returns>The digests extended, one per allocated bank in <see cref="AllocatedBanks"/> order (what an event log records).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pcr"/> is outside 0-23.</exception>
    /// <exception cref="NotSupportedException">An allocated bank's hash has no .NET implementation (SM3); use <see cref="ExtendDigests"/>.</exception>
    /// <exception cref="TpmException">The TPM refused or failed; nothing was extended.</exception>
    public AgileDigest[] ExtendEvent(int pcr, ReadOnlySpan<byte> eventData)
    {
        CheckPcr(pcr);
        ThrowIfDisposed();
        var digests = new AgileDigest[_allocated.Length];
        for (int i = 0; i < digests.Length; i++)
        {
            if (!MeasurementHashInfo.IsSupported(_allocated[i]))
            {
                throw new NotSupportedException(
                    $"The TPM at '{Location}' has a {MeasurementHashInfo.KernelName(_allocated[i])} bank, which .NET cannot hash on this platform; compute its digest yourself and call ExtendDigests.");
            }

            digests[i] = AgileDigest.Compute(_allocated[i], eventData);
        }

        ExtendDigests(pcr, digests);
        return digests;
    }

    /// <summary>
    /// Extends every allocated bank of <paramref name="pcr"/> with its own digest in one TPM2_PCR_Extend: exactly one
    /// digest per allocated bank, as the Linux kernel's own extends do (<c>tpm2_pcr_extend</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pcr"/> is outside 0-23.</exception>
    /// <exception cref="ArgumentException">A bank is repeated or missing, or a digest has no algorithm.</exception>
    /// <exception cref="TpmBankNotAllocatedException">A digest is for a bank the TPM has not allocated.</exception>
    /// <exception cref="TpmException">The TPM refused or failed; nothing was extended.</exception>
    public void ExtendDigests(int pcr, ReadOnlySpan<AgileDigest> digests)
    {
        CheckPcr(pcr);
        ThrowIfDisposed();
        Span<MeasurementHash> banks = stackalloc MeasurementHash[TpmLimits.MaxBanks];
        Span<byte> bytes = stackalloc byte[TpmLimits.MaxBanks * AgileDigest.MaxLength];
        int length = 0;
        for (int i = 0; i < digests.Length; i++)
        {
            MeasurementHash bank = digests[i].Algorithm;
            if (bank == MeasurementHash.None)
            {
                throw new ArgumentException($"Digest {i} has no algorithm; a PCR extend needs the bank of every digest.", nameof(digests));
            }

            RequireAllocated(bank, register: null);
            if (Contains(banks[..i], bank))
            {
                throw new ArgumentException($"The {MeasurementHashInfo.KernelName(bank)} bank is given twice; extend each bank once.", nameof(digests));
            }

            banks[i] = bank;
            digests[i].Bytes.CopyTo(bytes[length..]);
            length += digests[i].Length;
        }

        if (digests.Length != _allocated.Length)
        {
            var missing = new List<string>();
            foreach (MeasurementHash bank in _allocated)
            {
                if (!Contains(banks[..digests.Length], bank))
                {
                    missing.Add(MeasurementHashInfo.KernelName(bank));
                }
            }

            throw new ArgumentException(
                $"The TPM at '{Location}' has allocated {string.Join(", ", _allocated.Select(MeasurementHashInfo.KernelName))}; a digest for {string.Join(", ", missing)} is missing. "
                + "Extending only some banks would let them drift apart; give one digest per allocated bank (or use ExtendEvent).",
                nameof(digests));
        }

        ExtendCore(pcr, banks[..digests.Length], bytes[..length]);
    }

    /// <summary>
    /// Resets <paramref name="pcr"/> to zeros in every bank with TPM2_PCR_Reset. PC Client TPMs allow this for PCR 16 and 23
    /// from localities 0-3; other PCRs give <see cref="TpmResponseException"/> with <c>TPM_RC_LOCALITY</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pcr"/> is outside 0-23.</exception>
    /// <exception cref="TpmException">The TPM refused or failed.</exception>
    public void Reset(int pcr)
    {
        CheckPcr(pcr);
        lock (_gate)
        {
            ThrowIfDisposed();
            _ = Execute(TpmCommand.PcrReset, TpmPcrReset.Write(_command, pcr), pcr);
        }
    }

    /// <summary>Fills <paramref name="destination"/> from the TPM's random number generator (TPM2_GetRandom, repeated as needed).</summary>
    /// <exception cref="TpmException">The TPM refused or failed.</exception>
    public void GetRandom(Span<byte> destination)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            while (!destination.IsEmpty)
            {
                int requested = Math.Min(destination.Length, TpmLimits.MaxBanks * AgileDigest.MaxLength);
                TpmResponseReader reader = Execute(TpmCommand.GetRandom, TpmGetRandom.Write(_command, (ushort)requested));
                destination = destination[TpmGetRandom.Parse(reader, requested, destination)..];
            }
        }
    }

    /// <summary>Closes the device or connection.</summary>
    public override void Dispose()
    {
        lock (_gate)
        {
            if (!IsDisposed)
            {
                _transport.Dispose();
            }

            base.Dispose();
        }
    }

    /// <summary>Every register must be a PCR: a bank, the bank's hash, and an index 0-23.</summary>
    internal static void CheckDefinition(DeviceDefinition definition)
    {
        foreach (RegisterDefinition register in definition.Registers)
        {
            if (register.Bank == MeasurementHash.None || register.Hash != register.Bank || register.Index is < 0 or >= TpmLimits.PcrCount)
            {
                throw new ArgumentException(
                    $"{definition.DisplayName}: register '{register.QualifiedName}' is not a TPM PCR (it needs a Bank equal to its Hash and an Index 0-23); the TPM backend serves only the tpm schema's PCRs.",
                    nameof(definition));
            }
        }
    }

    private static void CheckPcr(int pcr)
    {
        if (pcr is < 0 or >= TpmLimits.PcrCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pcr), pcr, "A PC Client TPM has PCRs 0-23.");
        }
    }

    private void Startup()
    {
        lock (_gate)
        {
            try
            {
                _ = Execute(TpmCommand.Startup, TpmStartup.Write(_command));
            }
            catch (TpmResponseException e) when (e.ResponseCode.Value == TpmLimits.ResponseInitialize)
            {
                // TPM_RC_INITIALIZE: the simulator was already started (swtpm --flags startup-clear, or an earlier session).
            }
        }
    }

    private MeasurementHash[] QueryAllocatedBanks()
    {
        lock (_gate)
        {
            return TpmGetCapability.ParsePcrs(Execute(TpmCommand.GetCapability, TpmGetCapability.WritePcrs(_command)));
        }
    }

    private void RequireAllocated(MeasurementHash bank, string? register)
    {
        if (!IsAllocated(bank))
        {
            throw TpmErrors.NotAllocated(bank, AllocatedBanks, Location, register);
        }
    }

    private void ReadCore(MeasurementHash bank, ReadOnlySpan<int> pcrs, Span<byte> destination)
    {
        uint wanted = 0;
        foreach (int pcr in pcrs)
        {
            CheckPcr(pcr);
            uint bit = 1u << pcr;
            if ((wanted & bit) != 0)
            {
                throw new ArgumentException($"PCR {pcr} is asked for twice.", nameof(pcrs));
            }

            wanted |= bit;
        }

        int size = MeasurementHashInfo.DigestSize(bank);
        ushort algorithm = TpmAlgorithms.IdOf(bank);
        Span<byte> values = stackalloc byte[TpmLimits.PcrCount * AgileDigest.MaxLength];
        lock (_gate)
        {
            ThrowIfDisposed();
            for (int attempt = 1; !ReadConsistently(algorithm, wanted, size, values); attempt++)
            {
                if (attempt == ReadAttempts)
                {
                    throw new TpmException(
                        $"{TpmCommandNames.Of(TpmCommand.PcrRead)} on the TPM at '{Location}': the PCRs changed (pcrUpdateCounter moved) between the commands of one read {ReadAttempts} times in a row; another process is extending them. Read fewer than nine PCRs at once for a single-command read, or retry.",
                        TpmCommand.PcrRead,
                        Location);
                }
            }
        }

        for (int i = 0; i < pcrs.Length; i++)
        {
            values.Slice(pcrs[i] * size, size).CopyTo(destination[(i * size)..]);
        }
    }

    // One pass over the wanted PCRs, eight at a time; false when pcrUpdateCounter changed between two commands.
    private bool ReadConsistently(ushort algorithm, uint wanted, int size, Span<byte> values)
    {
        uint pending = wanted;
        uint? counter = null;
        while (pending != 0)
        {
            uint batch = Lowest(pending, TpmLimits.PcrsPerRead);
            TpmResponseReader reader = Execute(TpmCommand.PcrRead, TpmPcrRead.Write(_command, algorithm, batch));
            uint read = TpmPcrRead.Parse(reader, algorithm, batch, size, values, out uint update);
            if (read == 0)
            {
                throw TpmErrors.Malformed(TpmCommand.PcrRead, Location, TpmLimits.HeaderSize + 4, $"the TPM read none of the requested PCRs (selection 0x{batch:X6}) of an allocated bank");
            }

            if (counter is { } previous && previous != update)
            {
                return false;
            }

            counter = update;
            pending &= ~read;
        }

        return true;
    }

    private static bool Contains(ReadOnlySpan<MeasurementHash> banks, MeasurementHash bank)
    {
        foreach (MeasurementHash candidate in banks)
        {
            if (candidate == bank)
            {
                return true;
            }
        }

        return false;
    }

    private static uint Lowest(uint mask, int count)
    {
        uint taken = 0;
        for (int i = 0; i < count && mask != 0; i++)
        {
            uint bit = mask & (uint)-(int)mask;
            taken |= bit;
            mask &= ~bit;
        }

        return taken;
    }

    private void ExtendCore(int pcr, ReadOnlySpan<MeasurementHash> banks, ReadOnlySpan<byte> digests)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            _ = Execute(TpmCommand.PcrExtend, TpmPcrExtend.Write(_command, pcr, banks, digests), pcr);
        }
    }

    private TpmResponseReader Execute(TpmCommand command, int length, int pcr = -1)
    {
        int received = _transport.Transmit(command, _command.AsSpan(0, length), _response);
        return TpmResponse.Check(_response.AsSpan(0, received), command, Location, pcr, _locality);
    }
}
