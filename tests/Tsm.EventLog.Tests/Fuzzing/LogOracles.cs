using Tsm.EventLog.Aael;
using Tsm.EventLog.Ccel;
using Tsm.EventLog.Cel;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Tcg;
using Tsm.EventLog.Verification;

namespace Tsm.EventLog.Tests.Fuzzing;

/// <summary>
/// What must hold for each reader on any input: only <see cref="EventLogFormatException"/> escapes Read, at an offset
/// inside the input, exactly when TryRead says false; an accepted log enumerates completely, its events tile the bytes
/// up to its length; and the zero-copy readers allocate (almost) nothing, whatever a size field says.
/// </summary>
internal static class LogOracles
{
    /// <summary>A failed TryRead builds its reason string; nothing else may allocate.</summary>
    private const long ZeroCopyAllowance = 2048;

    public static bool Tcg(byte[] bytes)
    {
        (bool ok, long checksum) = WithoutAllocating(() => ReadTcg(bytes), "the TCG reader allocated");
        ExpectSame(ok, bytes, b => TcgLog.Read(b));
        return ok && checksum >= 0;
    }

    private static (bool Ok, long Checksum) ReadTcg(byte[] bytes)
    {
        bool ok = TcgLog.TryRead(bytes, out TcgLog log);
        long checksum = 0;
        if (ok)
        {
            int end = 0;
            int count = 0;
            foreach (TcgEvent e in log)
            {
                Require(e.Offset == end, "events do not tile the log");
                end += e.Raw.Length;
                count++;
                checksum += e.Data.Length + (int)e.Type + (int)e.Index;
                foreach (TcgDigest digest in e.Digests)
                {
                    checksum += digest.Bytes.Length + (int)digest.Algorithm;
                }
            }

            Require(count == log.Count && end == log.Length, "the enumeration does not reach the log's length");
            if (log.IsCryptoAgile)
            {
                foreach (SpecIdAlgorithm algorithm in log.SpecId.Algorithms)
                {
                    checksum += algorithm.DigestSize;
                }

                checksum += log.SpecId.VendorInfo.Length;
            }

            log.TryGetStartupLocality(out _);
        }

        return (ok, checksum);
    }

    public static bool CelTlv(byte[] bytes)
    {
        bool ok = WithoutAllocating(() => ReadCelTlv(bytes), "the CEL reader allocated");
        ExpectSame(ok, bytes, b => CelTlvLog.Read(b));
        return ok;
    }

    private static bool ReadCelTlv(byte[] bytes)
    {
        bool ok = CelTlvLog.TryRead(bytes, out CelTlvLog log);
        if (ok)
        {
            int end = 0;
            foreach (CelRecord record in log)
            {
                Require(record.Offset == end, "records do not tile the log");
                end += record.Raw.Length;
                foreach (TcgDigest digest in record.Digests)
                {
                    Require(digest.Bytes.Length == digest.Algorithm.KnownDigestSize(), "a digest of the wrong size was accepted");
                }
            }

            Require(end == bytes.Length, "the records do not reach the end");
        }

        return ok;
    }

    public static bool Aael(byte[] bytes)
    {
        bool ok = WithoutAllocating(() => ReadAael(bytes), "the AAEL reader allocated");
        try
        {
            AaelLog.Read(bytes);
            Require(ok, "Read accepted what TryRead rejected");
        }
        catch (EventLogFormatException error)
        {
            Require(!ok && error.Offset >= 0 && error.Offset <= bytes.Length && error.Line >= 1, "a bad exception for a rejected AAEL");
        }

        return ok;
    }

    public static bool CcelTable(byte[] bytes)
    {
        try
        {
            Ccel.CcelTable.Read(bytes);
            return true;
        }
        catch (EventLogFormatException error)
        {
            Require(error.Offset >= 0 && error.Offset <= bytes.Length, "an offset outside the input");
            return false;
        }
    }

    /// <summary>The whole path a verifier takes: detect, check, replay, describe, verify against the replay itself.</summary>
    public static bool File(byte[] bytes)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        EventLogFile log;
        try
        {
            log = EventLogFile.Read(bytes);
        }
        catch (EventLogFormatException error)
        {
            Require(error.Offset >= 0 && error.Offset <= Math.Max(bytes.Length, EventLogInput.MaxLogSize), "an offset outside the input");
            return false;
        }

        var values = log.Replay();
        log.Describe();
        var stated = values.Select(v => new ExpectedRegister(v.Register, v.Bank, v.Value)).ToList();
        LogVerification result = LogVerifier.Verify([log], ExpectedRegisters.FromValues(EvidenceKind.Json, stated));
        Require(result.Verdicts.All(v => v.Kind == VerdictKind.Match), "a log does not verify against its own replay");
        Require(GC.GetAllocatedBytesForCurrentThread() - before <= (256L * bytes.Length) + (4 << 20), "allocation out of proportion to the input");
        return true;
    }

    /// <summary>Evidence: a quote, a TDREPORT, JSON or YAML, or one of the two documented exceptions.</summary>
    public static bool Evidence(byte[] bytes)
    {
        try
        {
            ExpectedRegisters expected = ExpectedRegisters.Read(bytes);
            Require(expected.Registers.All(r => r.Value.Length == MeasurementHashInfo.DigestSize(r.Bank)), "a value of the wrong size was accepted");
            return true;
        }
        catch (EvidenceFormatException error)
        {
            Require(error.Reason.Length > 0, "no reason");
            return false;
        }
        catch (ReportFormatException)
        {
            return false;
        }
    }

    private static void ExpectSame(bool ok, byte[] bytes, Action<byte[]> read)
    {
        try
        {
            read(bytes);
            Require(ok, "Read accepted what TryRead rejected");
        }
        catch (EventLogFormatException error)
        {
            Require(!ok, "Read rejected what TryRead accepted");
            Require(error.Offset >= 0 && error.Offset <= bytes.Length, $"offset {error.Offset} is outside the {bytes.Length}-byte input");
            Require(error.Reason.Length > 0, "no reason");
        }
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new FuzzPropertyException(what);
        }
    }

    private static bool ReadAael(byte[] bytes)
    {
        bool ok = AaelLog.TryRead(bytes, out AaelLog log);
        if (ok)
        {
            int count = 0;
            foreach (AaelEntry entry in log)
            {
                Require(entry.IsInit == (count == 0), "INIT is not exactly the first entry");
                count++;
            }

            Require(count == log.Count, "the enumeration does not reach every line");
            Span<byte> value = stackalloc byte[64];
            log.GetInitialValue(value[..MeasurementHashInfo.DigestSize(log.Hash)]);
        }

        return ok;
    }

    // A reader that allocates does so on every read; the runtime can allocate once on the thread (tiered JIT, a type's
    // first use), so an over-allowance first measurement is repeated and only a second one fails.
    private static T WithoutAllocating<T>(Func<T> read, string what)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        T result = read();
        if (GC.GetAllocatedBytesForCurrentThread() - before > ZeroCopyAllowance)
        {
            before = GC.GetAllocatedBytesForCurrentThread();
            result = read();
            Require(GC.GetAllocatedBytesForCurrentThread() - before <= ZeroCopyAllowance, what);
        }

        return result;
    }
}
