using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Tsm.EventLog.Aael;

namespace Tsm.EventLog.Recording;

/// <summary>
/// The attester's half of the log layer: an append-only AAEL file bound to one logical register, such that the log
/// always explains the register. Each <see cref="Record(string, string, string)"/> takes a cross-process lock, brings
/// the log and the register into agreement (completing a writer that stopped between fsync and extend), appends the
/// entry and fsyncs it (write-ahead: the entry is durable before the irreversible extend), extends every bank with the
/// entry's hash in that bank's algorithm, and releases the lock. Opening does the same recovery, and refuses, with
/// both values, a register that no prefix of the log explains.
/// </summary>
/// <remarks>
/// The file is the attestation agent's event log (guest-components <c>attestation-agent/src/eventlog/mod.rs</c>): an
/// <c>INIT &lt;alg&gt;/&lt;hex&gt;</c> line with the register's value when the log began, then one
/// <c>domain operation content</c> line per event, every line (INIT included) extended as <c>H(line)</c>. So
/// <c>tsm log verify</c>, CoCo verifiers and any AAEL reader can check it. On a TPM every allocated bank of the PCR is
/// extended; INIT records <see cref="MeasurementLogOptions.InitBank"/>, and the other banks must start at their reset
/// value, which is what a verifier assumes for them.
/// An entry that is durable but not extended is completed (rolled forward), never dropped: the file stays
/// append-only, so a copy a verifier took earlier is always a prefix of the file, and measuring an event whose action
/// may not have run only over-reports, which a verifier can see, while dropping a durable entry could under-report.
/// </remarks>
public sealed class MeasurementLog : IDisposable
{
    private readonly object _gate = new();
    private readonly string _lockPath;
    private readonly MeasurementLogOptions _options;
    private readonly int _initBank;
    private LogChain? _chain;
    private long _length;
    private bool _disposed;

    private MeasurementLog(string path, LogicalRegister register, MeasurementLogOptions options)
    {
        Path = path;
        Register = register;
        _options = options;
        _lockPath = path + ".lock";
        _initBank = ChooseInitBank(register, options.InitBank, path);
    }

    /// <summary>The log file.</summary>
    public string Path { get; }

    /// <summary>The register the log is bound to.</summary>
    public LogicalRegister Register { get; }

    /// <summary>What <see cref="Open"/> found and did.</summary>
    public MeasurementRecovery Recovery { get; private set; }

    /// <summary>The number of entries (INIT included) as of this writer's last look.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _chain?.Count ?? 0;
            }
        }
    }

    /// <summary>
    /// Opens (or creates) the log at <paramref name="path"/> for <paramref name="register"/> and recovers it: a partial
    /// last line is cut off, a durable entry whose extend did not happen is extended now, and a register that the log
    /// cannot explain is refused. A new log starts with INIT holding the register's current value (non-zero when
    /// firmware or an earlier boot stage measured into it; verifiers check that value against the firmware's log).
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

    /// <summary>
    /// Checks the log at <paramref name="path"/> against the live register without changing either (what
    /// <c>tsm log verify --backend</c> prints): for every bank, the value the log replays to, the register's value and
    /// how many entries explain it.
    /// </summary>
    /// <exception cref="MeasurementLogException">The file cannot be read or locked, is empty, is not a valid log for this register, or is too large.</exception>
    /// <exception cref="TsmException">The register cannot be read.</exception>
    public static MeasurementLogCheck Check(string path, LogicalRegister register, MeasurementLogOptions? options = null)
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
        log.Transact(stream => result = log.CheckUnderLock(stream));
        return result!;
    }

    /// <summary>Releases nothing but marks the log closed: every operation takes and releases its lock itself.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    internal static byte[] ResetValue(RegisterDefinition register, int size)
    {
        byte[] value = new byte[size];
        switch (register.Initial)
        {
            case InitialValue.Ones:
                value.AsSpan().Fill(0xFF);
                break;
            case InitialValue.Name:
                // The kernel sample names its registers' initial contents after the storage owner (samples/tsm-mr/tsm_mr_sample.c).
                Encoding.ASCII.GetBytes(register.AliasOf ?? register.Name).AsSpan(0, Math.Min(size, (register.AliasOf ?? register.Name).Length)).CopyTo(value);
                break;
            case InitialValue.Zeros:
                break;
        }

        return value;
    }

    private static int ChooseInitBank(LogicalRegister register, MeasurementHash requested, string path)
    {
        MeasurementHash[] order = requested == MeasurementHash.None
            ? [MeasurementHash.Sha384, MeasurementHash.Sha256, MeasurementHash.Sha512]
            : [requested];
        foreach (MeasurementHash hash in order)
        {
            int index = register.Hashes.ToList().IndexOf(hash);
            if (index >= 0 && hash is MeasurementHash.Sha256 or MeasurementHash.Sha384 or MeasurementHash.Sha512)
            {
                return index;
            }
        }

        throw new MeasurementLogException(path,
            $"{path}: an AAEL's INIT names sha256, sha384 or sha512, but {register} has {string.Join(", ", register.Hashes.Select(MeasurementHashInfo.KernelName))}"
            + (requested == MeasurementHash.None ? "." : $" and no {MeasurementHashInfo.KernelName(requested)} bank."));
    }

    private void Transact(Action<FileStream> body)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
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
    }

    /// <summary>Reads what other writers appended since this writer's last look, then makes the register agree with it.</summary>
    private MeasurementRecovery Synchronise(FileStream stream)
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
        int complete = added.AsSpan().LastIndexOf((byte)'\n') + 1;
        bool cutPartial = complete < added.Length;
        ReadEntries(added.AsSpan(0, complete));
        if (cutPartial)
        {
            // Writers append only under the lock, so a line without its LF is one a writer never finished: it was
            // never durable, so never extended.
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

    private delegate void EntryRead(ReadOnlySpan<byte> text, LogChain chain);

    private void ReadEntries(ReadOnlySpan<byte> bytes, EntryRead? observer = null)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            int line = (_chain?.Count ?? 0) + 1;
            if (!AaelParser.TryReadLine(bytes, offset, line, _chain is null, out AaelParser.LineBounds bounds, out int errorOffset, out string? reason))
            {
                throw new MeasurementLogException(Path, string.Create(CultureInfo.InvariantCulture, $"{Path}: line {line} (offset {_length + errorOffset}): {reason}; the log is not an AAEL this writer can append to."));
            }

            ReadOnlySpan<byte> text = bytes.Slice(bounds.Offset, bounds.Length);
            _chain ??= StartChain(text, bounds.Hash);
            observer?.Invoke(text, _chain);
            _chain.Append(text);
            _length += bounds.End - offset;
            offset = bounds.End;
        }
    }

    private MeasurementLogCheck CheckUnderLock(FileStream stream)
    {
        if (stream.Length > _options.MaxSize)
        {
            throw new MeasurementLogException(Path, $"{Path}: the log is {stream.Length} bytes, more than the bound of {_options.MaxSize}.");
        }

        byte[] bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        int complete = bytes.AsSpan().LastIndexOf((byte)'\n') + 1;
        AgileDigest[] live = Register.Read();
        int[] explainedBy = new int[live.Length];
        explainedBy.AsSpan().Fill(-1);
        var entries = new System.Collections.Generic.List<LoggedEntry>();
        ReadEntries(bytes.AsSpan(0, complete), (text, chain) =>
        {
            Match(chain, live, explainedBy, chain.Count);
            entries.Add(LoggedEntry.From(chain.Count, text));
        });
        if (_chain is null)
        {
            throw new MeasurementLogException(Path, $"{Path}: the log has no complete entry, not even INIT.");
        }

        Match(_chain, live, explainedBy, _chain.Count);
        var banks = new BankCheck[live.Length];
        for (int i = 0; i < banks.Length; i++)
        {
            banks[i] = new BankCheck(Register.Session.QualifiedNameOf(Register.Banks[i]), Register.Hashes[i], LowerHex.Of(live[i].Bytes), LowerHex.Of(_chain.Current(i)), _chain.Count, explainedBy[i]);
        }

        return new MeasurementLogCheck(Path, Register.Name, banks, entries, complete < bytes.Length ? complete : -1);
    }

    // After 'count' entries every bank's current value is known; the latest prefix that reproduces the register wins.
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

    private LogChain StartChain(ReadOnlySpan<byte> init, MeasurementHash hash)
    {
        if (hash != Register.Hashes[_initBank])
        {
            throw new MeasurementLogException(Path,
                $"{Path}: the log's INIT is {MeasurementHashInfo.KernelName(hash)}, but this writer records the {MeasurementHashInfo.KernelName(Register.Hashes[_initBank])} bank of {Register}; the log belongs to another register or platform.");
        }

        byte[][] start = new byte[Register.Banks.Count][];
        for (int i = 0; i < start.Length; i++)
        {
            start[i] = i == _initBank
                ? Convert.FromHexString(Encoding.ASCII.GetString(init[(init.IndexOf((byte)'/') + 1)..]))
                : ResetValue(Register.Banks[i], MeasurementHashInfo.DigestSize(Register.Hashes[i]));
        }

        return new LogChain([.. Register.Hashes], start);
    }

    private void CreateInit(FileStream stream)
    {
        AgileDigest[] live = Register.Read();
        for (int i = 0; i < live.Length; i++)
        {
            if (i != _initBank && !live[i].Bytes.SequenceEqual(ResetValue(Register.Banks[i], live[i].Length)))
            {
                throw new MeasurementLogException(Path,
                    $"{Path}: cannot start a log: {Register.Session.QualifiedNameOf(Register.Banks[i])} holds {LowerHex.Of(live[i].Bytes)}, not its reset value, and an AAEL's INIT records only the {MeasurementHashInfo.KernelName(Register.Hashes[_initBank])} bank. Start from a reset register (a TPM's PCR 23 can be reset) or record into another role.");
            }
        }

        string init = AaelLine.Init(Register.Hashes[_initBank], live[_initBank].Bytes);
        WriteDurably(stream, init);
        ReadEntries(Encoding.ASCII.GetBytes(init + "\n"));
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
        var behind = new System.Collections.Generic.List<int>();
        for (int i = 0; i < live.Length; i++)
        {
            if (live[i].Bytes.SequenceEqual(chain.Current(i)))
            {
                continue;
            }

            if (live[i].Bytes.SequenceEqual(chain.Previous(i)))
            {
                behind.Add(i);
                continue;
            }

            throw new MeasurementLogMismatchException(Path, Register.Session.QualifiedNameOf(Register.Banks[i]), Register.Hashes[i],
                LowerHex.Of(live[i].Bytes), LowerHex.Of(chain.Current(i)), chain.Count);
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
        int size = Encoding.ASCII.GetByteCount(line) + 1;
        if (_length + size > _options.MaxSize)
        {
            throw new MeasurementLogException(Path,
                $"{Path}: the log is full: {_length} bytes, and this entry of {size} would pass the bound of {_options.MaxSize}. Nothing was written or extended.");
        }

        AgileDigest[] digests = Register.Measure(Encoding.ASCII.GetBytes(line));
        long before = _length;
        WriteDurably(stream, line);
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

        ReadEntries(Encoding.ASCII.GetBytes(line + "\n"));
        Step(MeasurementLogStep.AfterExtend);
        return new RecordedEvent(chain.Count - 1, line, digests);
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

    private void WriteDurably(FileStream stream, string line)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(line + "\n");
        long before = _length;
        try
        {
            stream.Position = before;
            stream.Write(bytes);
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
            // The write already failed; the partial line this leaves has no LF, and the next open cuts it off.
        }
    }

    private void Step(MeasurementLogStep step) => _options.OnStep?.Invoke(step);
}
