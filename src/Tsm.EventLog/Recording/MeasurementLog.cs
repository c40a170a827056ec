using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Tsm.EventLog.Aael;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Replay;

namespace Tsm.EventLog.Recording;

/// <summary>
/// The attester's half of the log layer: an append-only log file bound to one logical register, such that the log
/// always explains the register. Each <see cref="Record(string, string, string)"/> takes a cross-process lock, brings
/// the log and the register into agreement (completing a writer that stopped between fsync and extend), checks the
/// log's capacity, appends the entry and fsyncs it (write-ahead: the entry is durable before the irreversible extend),
/// extends every bank with the entry's hash in that bank's algorithm, and releases the lock. Opening does the same
/// recovery, and refuses, with both values, a register that no prefix of the log explains.
/// </summary>
/// <remarks>
/// The file is one of two standard formats (<see cref="MeasurementLogFormat"/>): the attestation agent's event log, or
/// TCG CEL records carrying the same events, so <c>tsm log verify</c>, CoCo verifiers and CEL readers can check it.
/// A new log begins with an INIT entry holding the register's value at that moment: non-zero when firmware or an
/// earlier boot stage measured into it, which verifiers check against the firmware's log (the CCEL) where one exists.
/// An entry that is durable but not extended is completed (rolled forward), never dropped: the file stays
/// append-only, so a copy a verifier took earlier is always a prefix of it, and measuring an event whose action may not
/// have run only over-reports, which a verifier sees, while dropping a durable entry could under-report.
/// </remarks>
public sealed class MeasurementLog : IDisposable
{
    private static readonly ConcurrentDictionary<string, object> ProcessGates = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly string _lockPath;
    private readonly MeasurementLogOptions _options;
    private LogCodec? _codec;
    private LogChain? _chain;
    private long _length;
    private int _entries;
    private bool _disposed;

    private MeasurementLog(string path, LogicalRegister register, MeasurementLogOptions options)
    {
        Path = path;
        Register = register;
        _options = options;
        _lockPath = path + ".lock";
    }

    /// <summary>The log file.</summary>
    public string Path { get; }

    /// <summary>The register the log is bound to.</summary>
    public LogicalRegister Register { get; }

    /// <summary>The log's format (the file's own when it existed).</summary>
    public MeasurementLogFormat Format => _codec!.Format;

    /// <summary>What <see cref="Open"/> found and did.</summary>
    public MeasurementRecovery Recovery { get; private set; }

    /// <summary>The number of entries (INIT included) as of this writer's last look.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries;
            }
        }
    }

    /// <summary>
    /// Opens (or creates) the log at <paramref name="path"/> for <paramref name="register"/> and recovers it: a partial
    /// last entry is cut off, a durable entry whose extend did not happen is extended now, and a register that the log
    /// cannot explain is refused.
    /// </summary>
    /// <exception cref="MeasurementLogMismatchException">The register holds something no prefix of the log explains.</exception>
    /// <exception cref="MeasurementLogException">The file cannot be read, created or locked, is not a valid log for this register, or is too large.</exception>
    /// <exception cref="TsmException">The register cannot be read or extended.</exception>
    public static MeasurementLog Open(string path, LogicalRegister register, MeasurementLogOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(register);
        var log = new MeasurementLog(System.IO.Path.GetFullPath(path), register, options ?? new MeasurementLogOptions());
        log.Transact(stream => log.Recovery = log.Synchronise(stream));
        return log;
    }

    /// <summary>
    /// Checks the log at <paramref name="path"/> against the live register without changing either (what
    /// <c>tsm log verify --backend</c> prints): for every bank, the value the log replays to, the register's value and
    /// how many entries explain it.
    /// </summary>
    /// <param name="path">The measurement log.</param>
    /// <param name="register">Its register, live.</param>
    /// <param name="firmwareLog">
    /// The firmware's log of the same machine (the CCEL on TDX), or null: the INIT's recorded start of every bank is then
    /// checked against what that log replays the register to, instead of against the reset value.
    /// </param>
    /// <param name="options">The lock timeout and size bound.</param>
    /// <exception cref="MeasurementLogException">The file cannot be read or locked, has no INIT, is not a valid log for this register, or is too large.</exception>
    /// <exception cref="TsmException">The register cannot be read.</exception>
    public static MeasurementLogCheck Check(string path, LogicalRegister register, EventLogFile? firmwareLog = null, MeasurementLogOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(register);
        string fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new MeasurementLogException(fullPath, $"{fullPath}: no such log.");
        }

        var log = new MeasurementLog(fullPath, register, options ?? new MeasurementLogOptions());
        MeasurementLogCheck? result = null;
        log.Transact(stream => result = log.CheckUnderLock(stream, firmwareLog));
        return result!;
    }

    /// <summary>Records one event: <c>domain SP operation SP content</c>, appended, fsync'ed, then extended into every bank.</summary>
    /// <param name="domain">Who defines the event, recommended a URI (<c>github.com/confidential-containers</c>); printable ASCII without spaces.</param>
    /// <param name="operation">What happened (<c>PullImage</c>); printable ASCII without spaces.</param>
    /// <param name="content">The event's details (CoCo: RFC 8785 JSON); printable ASCII, no LF.</param>
    /// <returns>The entry as recorded.</returns>
    /// <exception cref="ArgumentException">A part is empty, holds a space (domain, operation) or is not printable ASCII. Checked before the lock.</exception>
    /// <exception cref="MeasurementLogMismatchException">The register was extended behind the log's back. Nothing was recorded.</exception>
    /// <exception cref="MeasurementLogException">The log is full, or the write or fsync failed (the entry is removed again, the register untouched).</exception>
    /// <exception cref="TsmException">The extend failed; if the register did not change, the entry is removed again.</exception>
    public RecordedEvent Record(string domain, string operation, string content)
    {
        string line = AaelLine.Event(domain, operation, content);
        RecordedEvent? recorded = null;
        Transact(stream =>
        {
            _ = Synchronise(stream);
            recorded = Append(stream, line);
        });
        return recorded!;
    }

    /// <summary>
    /// Records a typed event: <see cref="Record(string, string, string)"/> with its domain, operation and content, so the
    /// logged line holds the event's canonical text (for a <see cref="MeasurementEventAttribute"/> type, RFC 8785 JSON)
    /// and a verifier compares that text instead of re-serialising the event.
    /// </summary>
    /// <param name="measurementEvent">The event.</param>
    /// <returns>The entry as recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measurementEvent"/> is null.</exception>
    /// <exception cref="ArgumentException">The domain or operation is empty or holds a space, or a part is not printable ASCII (canonical JSON keeps non-ASCII characters as they are, so such content is refused). Checked before the lock.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The event's content cannot be written (an integer member outside ±(2^53−1)).</exception>
    /// <exception cref="MeasurementLogMismatchException">The register was extended behind the log's back. Nothing was recorded.</exception>
    /// <exception cref="MeasurementLogException">The log is full, or the write or fsync failed (the entry is removed again, the register untouched).</exception>
    /// <exception cref="TsmException">The extend failed; if the register did not change, the entry is removed again.</exception>
    public RecordedEvent Record(IMeasurementEvent measurementEvent)
    {
        ArgumentNullException.ThrowIfNull(measurementEvent);
        return Record(measurementEvent.Domain, measurementEvent.Operation, measurementEvent.Content());
    }

    /// <summary>Marks the log closed; every operation takes and releases its lock itself, so nothing else is held.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    private int ChooseInitBank()
    {
        MeasurementHash requested = _options.InitBank;
        MeasurementHash[] order = requested == MeasurementHash.None
            ? [MeasurementHash.Sha384, MeasurementHash.Sha256, MeasurementHash.Sha512]
            : [requested];
        foreach (MeasurementHash hash in order)
        {
            int index = Register.BankOf(hash);
            if (index >= 0 && hash is MeasurementHash.Sha256 or MeasurementHash.Sha384 or MeasurementHash.Sha512)
            {
                return index;
            }
        }

        throw new MeasurementLogException(Path,
            $"{Path}: an AAEL's INIT names sha256, sha384 or sha512, but {Register} has {string.Join(", ", Register.Hashes.Select(MeasurementHashInfo.KernelName))}"
            + (requested == MeasurementHash.None ? "; use the CEL format." : $" and no {MeasurementHashInfo.KernelName(requested)} bank."));
    }

    private void Transact(Action<FileStream> body)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Writers in this process queue on a monitor, which wakes the next one at once; flock(2) then only has to
            // arbitrate between processes, where its bounded wait polls.
            object processGate = ProcessGates.GetOrAdd(_lockPath, _ => new object());
            if (!Monitor.TryEnter(processGate, _options.LockTimeout))
            {
                throw new MeasurementLogException(Path, $"{Path}: another writer in this process held the log for more than {_options.LockTimeout.TotalSeconds:0.###} s.");
            }

            try
            {
                TransactUnderProcessGate(body);
            }
            finally
            {
                Monitor.Exit(processGate);
            }
        }
    }

    private void TransactUnderProcessGate(Action<FileStream> body)
    {
        AdvisoryFileLock fileLock;
        try
        {
            fileLock = AdvisoryFileLock.Acquire(_lockPath, _options.LockTimeout);
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
            throw new MeasurementLogException(Path, $"{Path}: cannot take the log's lock: {e.Message}", e);
        }

        using (fileLock)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new MeasurementLogException(Path, $"{Path}: cannot open the log for appending: {e.Message}", e);
            }

            using (stream)
            {
                body(stream);
            }
        }
    }

    /// <summary>Reads what other writers appended since this writer's last look, then makes the register agree with it.</summary>
    private MeasurementRecovery Synchronise(FileStream stream)
    {
        byte[] added = ReadNew(stream);
        int complete = ReadEntries(added);
        bool cutPartial = complete < added.Length;
        if (cutPartial)
        {
            // Writers append only under the lock and in one write, so an unfinished entry is one a writer stopped in
            // the middle of: it was never durable, so never extended.
            Truncate(stream, _length);
        }

        if (_chain is null)
        {
            CreateInit(stream);
            _ = CompleteLastEntry();
            return MeasurementRecovery.Created;
        }

        bool completed = CompleteLastEntry();
        return cutPartial ? MeasurementRecovery.DiscardedPartialEntry
            : completed ? MeasurementRecovery.CompletedLastEntry
            : MeasurementRecovery.Consistent;
    }

    private byte[] ReadNew(FileStream stream)
    {
        long length = stream.Length;
        if (length < _length)
        {
            throw new MeasurementLogException(Path, $"{Path}: the log shrank from {_length} to {length} bytes behind this writer; an append-only log never does.");
        }

        if (length > _options.MaxSize)
        {
            throw new MeasurementLogException(Path, $"{Path}: the log is {length} bytes, more than the bound of {_options.MaxSize}.");
        }

        byte[] added = new byte[length - _length];
        stream.Position = _length;
        stream.ReadExactly(added);
        if (_codec is null)
        {
            MeasurementLogFormat format = added.Length == 0
                ? _options.Format
                : LogCodec.Detect(added) ?? throw new MeasurementLogException(Path, $"{Path}: offset 0: the file is neither an AAEL (INIT line) nor CEL TLV records; it is not a measurement log this writer can append to.");
            _codec = LogCodec.For(format);
            if (_codec.Unsupported(Register) is { } reason)
            {
                throw new MeasurementLogException(Path, $"{Path}: {reason}.");
            }
        }

        return added;
    }

    private delegate void EntryRead(LogEntry entry, LogChain chain);

    /// <summary>Reads the complete entries at the start of <paramref name="bytes"/> (which follow the ones already read).</summary>
    /// <returns>How many bytes they take; the rest is an unfinished entry.</returns>
    private int ReadEntries(ReadOnlySpan<byte> bytes, EntryRead? observer = null)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (!_codec!.TryRead(bytes, offset, _entries, Register, out LogEntry? entry, out string? reason))
            {
                break;
            }

            if (entry is null)
            {
                throw new MeasurementLogException(Path, string.Create(CultureInfo.InvariantCulture, $"{Path}: {Shift(reason!)}; it is not a measurement log of {Register.Name} this writer can append to."));
            }

            if (entry.IsInit != (_entries == 0))
            {
                throw new MeasurementLogException(Path, string.Create(CultureInfo.InvariantCulture, $"{Path}: offset {_length + offset}: {(entry.IsInit ? "INIT may only be the first entry" : "the first entry must be INIT")}."));
            }

            _chain ??= StartChain(entry);
            observer?.Invoke(entry, _chain);
            if (entry.Measured is not null)
            {
                _chain.Append(entry.Measured);
            }

            _entries++;
            _length += entry.Length;
            offset += entry.Length;
        }

        return offset;
    }

    // Codec reasons name offsets within the bytes read this time; the file offset is that plus what was read before.
    private string Shift(string reason) => _length == 0 ? reason : $"{reason} (after the first {_length} bytes)";

    private LogChain StartChain(LogEntry init)
    {
        byte[][] start = new byte[Register.Banks.Count][];
        for (int i = 0; i < start.Length; i++)
        {
            start[i] = init.StartValues![i] ?? Register.Banks[i].ResetValue(MeasurementHashInfo.DigestSize(Register.Hashes[i]));
        }

        return new LogChain([.. Register.Hashes], start);
    }

    private void CreateInit(FileStream stream)
    {
        AgileDigest[] live = Register.Read();
        int initBank = _codec!.Format == MeasurementLogFormat.Aael ? ChooseInitBank() : -1;
        for (int i = 0; i < live.Length && initBank >= 0; i++)
        {
            if (i != initBank && !live[i].Bytes.SequenceEqual(Register.Banks[i].ResetValue(live[i].Length)))
            {
                throw new MeasurementLogException(Path,
                    $"{Path}: cannot start an AAEL: {Register.Session.QualifiedNameOf(Register.Banks[i])} holds {LowerHex.Of(live[i].Bytes)}, not its reset value, and an AAEL's INIT records only the {MeasurementHashInfo.KernelName(Register.Hashes[initBank])} bank. Use the CEL format, which records every bank, or start from a reset register (a TPM's PCR 23 can be reset).");
            }
        }

        byte[] init = _codec.EncodeInit(Register, live, initBank);
        WriteDurably(stream, init);
        try
        {
            DurableDirectory.Sync(System.IO.Path.GetDirectoryName(Path)!);
        }
        catch (IOException e)
        {
            Truncate(stream, 0);
            throw new MeasurementLogException(Path, $"{Path}: the new log's directory entry cannot be made durable: {e.Message}", e);
        }

        _ = ReadEntries(init);
    }

    /// <summary>
    /// Makes every bank hold what the whole log replays to: a bank one extend behind is extended with the last entry's
    /// digest; any other value is refused.
    /// </summary>
    /// <returns>Whether an extend was needed.</returns>
    private bool CompleteLastEntry()
    {
        LogChain chain = _chain!;
        AgileDigest[] live = Register.Read();
        var behind = new List<int>();
        for (int i = 0; i < live.Length; i++)
        {
            if (live[i].Bytes.SequenceEqual(chain.Current(i)))
            {
                continue;
            }

            if (chain.Count > 0 && live[i].Bytes.SequenceEqual(chain.Previous(i)))
            {
                behind.Add(i);
                continue;
            }

            throw new MeasurementLogMismatchException(Path, Register.Session.QualifiedNameOf(Register.Banks[i]), Register.Hashes[i],
                LowerHex.Of(live[i].Bytes), LowerHex.Of(chain.Current(i)), _entries);
        }

        if (behind.Count == 0)
        {
            return false;
        }

        if (behind.Count == live.Length)
        {
            Register.Extend(chain.LastDigests);
        }
        else
        {
            Register.Session.ExtendAll(behind.Select(i => Register.Banks[i]).ToArray(), behind.Select(i => chain.LastDigests[i]).ToArray());
        }

        return true;
    }

    private RecordedEvent Append(FileStream stream, string line)
    {
        LogChain chain = _chain!;
        Step(MeasurementLogStep.BeforeAppend);
        AgileDigest[] digests = Register.Measure(_codec!.Measured(line));
        byte[] entry = _codec.EncodeEvent(Register, _entries, line, digests);
        if (_length + entry.Length > _options.MaxSize)
        {
            throw new MeasurementLogException(Path,
                $"{Path}: the log is full: {_length} bytes, and this entry of {entry.Length} would pass the bound of {_options.MaxSize}. Nothing was written or extended.");
        }

        long before = _length;
        WriteDurably(stream, entry);
        Step(MeasurementLogStep.AfterFsync);
        try
        {
            Register.Extend(digests);
        }
        catch (TsmException) when (RegisterUnchanged(chain))
        {
            Truncate(stream, before);
            throw;
        }

        // The entry is this writer's own, just built from these digests: no need to read and hash it again.
        int number = _entries;
        chain.Extend(digests);
        _entries++;
        _length += entry.Length;
        Step(MeasurementLogStep.AfterExtend);
        return new RecordedEvent(number, line, digests);
    }

    private MeasurementLogCheck CheckUnderLock(FileStream stream, EventLogFile? firmwareLog)
    {
        byte[] bytes = ReadNew(stream);
        AgileDigest[] live = Register.Read();
        int[] explainedBy = new int[live.Length];
        explainedBy.AsSpan().Fill(-1);
        var entries = new List<LoggedEntry>();
        byte[][] start = [];
        int complete = ReadEntries(bytes, (entry, chain) =>
        {
            if (entry.IsInit)
            {
                start = Enumerable.Range(0, live.Length).Select(i => (byte[])chain.Current(i).Clone()).ToArray();
            }

            Match(chain, live, explainedBy, _entries);
            entries.Add(LoggedEntry.Parse(_entries, entry.Text));
        });
        if (_chain is null)
        {
            throw new MeasurementLogException(Path, $"{Path}: the log has no complete entry, not even INIT.");
        }

        Match(_chain, live, explainedBy, _entries);
        var banks = new BankCheck[live.Length];
        for (int i = 0; i < banks.Length; i++)
        {
            banks[i] = new BankCheck(Register.Session.QualifiedNameOf(Register.Banks[i]), Register.Hashes[i], LowerHex.Of(live[i].Bytes), LowerHex.Of(_chain.Current(i)), _entries, explainedBy[i]);
        }

        return new MeasurementLogCheck(Path, Register.Name, Format, banks, entries, Baseline(start, firmwareLog), complete < bytes.Length ? complete : -1);
    }

    private BaselineCheck[] Baseline(byte[][] start, EventLogFile? firmwareLog)
    {
        RegisterValues? firmware = firmwareLog?.Replay();
        bool named = RegisterId.TryParse(Register.Name, out RegisterId id);
        var baseline = new BaselineCheck[start.Length];
        for (int i = 0; i < start.Length; i++)
        {
            byte[] expected = Register.Banks[i].ResetValue(start[i].Length);
            RegisterValue? value = named ? firmware?.FirstOrDefault(v => v.Register == id && v.Bank == Register.Hashes[i]) : null;
            if (value is not null)
            {
                expected = value.Value.ToArray();
            }

            baseline[i] = new BaselineCheck(Register.Session.QualifiedNameOf(Register.Banks[i]), Register.Hashes[i], LowerHex.Of(start[i]), LowerHex.Of(expected),
                firmwareLog is null ? "reset value" : firmwareLog.Source ?? "the firmware log", firmwareLog is not null);
        }

        return baseline;
    }

    // After 'count' entries every bank's value is known; the latest prefix that reproduces the register wins.
    private static void Match(LogChain chain, AgileDigest[] live, int[] explainedBy, int count)
    {
        for (int i = 0; i < live.Length; i++)
        {
            if (live[i].Bytes.SequenceEqual(chain.Current(i)))
            {
                explainedBy[i] = count;
            }
        }
    }

    private bool RegisterUnchanged(LogChain chain)
    {
        try
        {
            AgileDigest[] live = Register.Read();
            return live.Select((value, i) => value.Bytes.SequenceEqual(chain.Current(i))).All(same => same);
        }
        catch (TsmException)
        {
            return false;
        }
    }

    private void WriteDurably(FileStream stream, byte[] entry)
    {
        long before = _length;
        try
        {
            stream.Position = before;
            stream.Write(entry);
            Step(MeasurementLogStep.AfterAppend);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException e)
        {
            TryTruncate(stream, before);
            throw new MeasurementLogException(Path, $"{Path}: writing the entry failed ({e.Message}); it was removed again and the register was not extended.", e);
        }
    }

    private void Truncate(FileStream stream, long length)
    {
        try
        {
            stream.SetLength(length);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException e)
        {
            throw new MeasurementLogException(Path, $"{Path}: cannot cut the log back to {length} bytes: {e.Message}", e);
        }
    }

    private static void TryTruncate(FileStream stream, long length)
    {
        try
        {
            stream.SetLength(length);
        }
        catch (IOException)
        {
            // The write already failed; an unfinished entry left behind is cut off by the next open.
        }
    }

    private void Step(MeasurementLogStep step) => _options.OnStep?.Invoke(step);
}
