using System.Text;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Tcg;
using Tsm.EventLog.Tests.Infrastructure;
using Tsm.EventLog.Verification;

namespace Tsm.EventLog.Tests;

/// <summary>
/// Verifying logs against evidence: the go-tdx-guest CCEL and the quote it goes with (MANIFEST §1, rtmr/ccel_test.go),
/// and what a flipped digest byte, a flipped data byte and a longer log are reported as.
/// </summary>
public sealed class LogVerifierTests
{
    [SampleDataFact]
    public void The_go_tdx_guest_ccel_verifies_against_its_quote_with_rtmr3_and_mrtd_not_covered()
    {
        LogVerification result = Verify(SampleData.Read(Logs.GoTdxCcel));

        Assert.True(result.IsVerified);
        Assert.Equal(
            ["mrtd NotCovered", "rtmr0 Match", "rtmr1 Match", "rtmr2 Match", "rtmr3 NotCovered"],
            result.Verdicts.Select(v => $"{v.Register.Name} {v.Kind}"));
        Assert.All(result.Verdicts, v => Assert.Null(v.FirstDisagreement));
    }

    [SampleDataFact]
    public void A_flipped_digest_byte_of_a_separator_is_a_mismatch_explained_at_that_event()
    {
        byte[] log = SampleData.Read(Logs.GoTdxCcel);
        (int number, int offset) = Find(log, TcgEventType.Separator, ccMrIndex: 2);
        log[offset + 12 + 2 + 10] ^= 0x01;

        RegisterVerdict rtmr1 = Verify(log).Verdicts.Single(v => v.Register == RegisterId.Rtmr(1));

        Assert.Equal(VerdictKind.Mismatch, rtmr1.Kind);
        Assert.Equal(number, rtmr1.FirstDisagreement!.Number);
        Assert.Equal("EV_SEPARATOR", rtmr1.FirstDisagreement.TypeName);
        Assert.Equal(rtmr1.Replayed!.Value.ToArray(), rtmr1.Events[^1].RunningValue.ToArray());
    }

    [SampleDataFact]
    public void A_flipped_data_byte_of_a_secure_boot_variable_keeps_the_values_but_fails_at_that_event()
    {
        byte[] log = SampleData.Read(Logs.GoTdxCcel);
        (int number, int offset) = Find(log, TcgEventType.EfiVariableDriverConfig, ccMrIndex: 1);
        log[offset + 12 + 2 + 48 + 4 + 3] ^= 0x01;

        LogVerification result = Verify(log);
        RegisterVerdict rtmr0 = result.Verdicts.Single(v => v.Register == RegisterId.Rtmr(0));

        Assert.Equal(VerdictKind.Match, rtmr0.Kind);
        Assert.Equal(number, rtmr0.FirstDisagreement!.Number);
        Assert.Equal("EV_EFI_VARIABLE_DRIVER_CONFIG", rtmr0.FirstDisagreement.TypeName);
        Assert.False(result.IsVerified);
    }

    [SampleDataFact]
    public void A_log_with_an_event_after_the_quote_is_a_prefix_match_naming_how_many_events_reproduce_it()
    {
        byte[] original = SampleData.Read(Logs.DupeSeparator);
        TcgLog log = TcgLog.Read(original);
        TcgLogWriter writer = TcgLogWriter.CreateCryptoAgile(log.SpecId.Data, 1);
        int rtmr2Events = 0;
        foreach (TcgEvent e in log)
        {
            if (!e.IsSpecIdHeader)
            {
                writer.Append(e);
                rtmr2Events += e.Index == 3 && e.Type != TcgEventType.NoAction ? 1 : 0;
            }
        }

        writer.Append(3, TcgEventType.Ipl, [AgileDigest.Compute(MeasurementHash.Sha384, "later"u8)], "later"u8);
        ExpectedRegisters expected = ExpectedRegisters.FromTdQuote(SampleData.Read(Logs.GoTdxQuote));
        var logs = new[] { EventLogFile.Read(writer.ToArray()) };

        LogVerification strict = LogVerifier.Verify(logs, expected);
        LogVerification lenient = LogVerifier.Verify(logs, expected, allowPrefix: true);

        // The dupe-separator log has the quote's RTMR2 (MANIFEST §5a), but not its RTMR0/1.
        RegisterVerdict rtmr2 = strict.Verdicts.Single(v => v.Register == RegisterId.Rtmr(2));
        Assert.Equal(VerdictKind.PrefixMatch, rtmr2.Kind);
        Assert.Equal(rtmr2Events, rtmr2.PrefixEvents);
        Assert.Equal(rtmr2Events + 1, rtmr2.EventCount);
        Assert.False(rtmr2.IsVerified(allowPrefix: false));
        Assert.True(lenient.Verdicts.Single(v => v.Register == RegisterId.Rtmr(2)).IsVerified(allowPrefix: true));
    }

    [SampleDataFact]
    public void A_tpm_log_verifies_against_tpm2_pcrread_yaml_and_names_the_pcr_that_differs()
    {
        string yaml = "sha256:\n  0 : 0x24AF52A4F429B71A3184A6D64CDDAD17E54EA030E2AA6576BF3A5A3D8BD3328F\n"
            + "  7 : 0x5FD54361D580EB7592ADB8DEB236FF35444CEEAC7148F24B3DE63C041F12B3DA\n"
            + "  9 : 0x" + new string('0', 64) + "\n  23 : 0x" + new string('0', 64) + "\n";
        var logs = new[] { Logs.Read(Logs.Rhel8) };

        LogVerification result = LogVerifier.Verify(logs, ExpectedRegisters.Read(Encoding.ASCII.GetBytes(yaml)));

        Assert.Equal(["pcr0 Match", "pcr7 Match", "pcr9 Mismatch", "pcr23 NotCovered"], result.Verdicts.Select(v => $"{v.Register.Name} {v.Kind}"));
        Assert.False(result.IsVerified);
    }

    [SampleDataFact]
    public void Pcr_values_as_replay_json_verify_the_ubuntu_log()
    {
        string json = """{"format": "tcg-agile", "registers": {"pcr4": {"sha1": "41c68947aeee8a59110c7989a9b7a55df547f003", "sha256": "b4b94e840fc9352e20bdb5b456b4c242af0fb146755b6935d8eda000ea368a31"}}}""";

        LogVerification result = LogVerifier.Verify([Logs.Read(Logs.Ubuntu1804)], ExpectedRegisters.Read(Encoding.UTF8.GetBytes(json)));

        Assert.True(result.IsVerified);
        Assert.Equal(2, result.Verdicts.Count);
    }

    [SampleDataFact]
    public void Pcr0_of_a_log_with_startup_locality_3_verifies_from_0_0_3()
    {
        // Computed here with SHA-256 directly: PCR0 starts at 00…03 (glinux-alex's StartupLocality event) and takes
        // every PCR0 digest of the log in order.
        byte[] bytes = SampleData.Read(Logs.GLinuxAlex);
        byte[] pcr0 = new byte[32];
        pcr0[^1] = 3;
        foreach (TcgEvent e in TcgLog.Read(bytes))
        {
            if (e.Index == 0 && e.Type != TcgEventType.NoAction && !e.IsSpecIdHeader && e.Digests.TryGet(TpmAlgorithm.Sha256, out ReadOnlySpan<byte> digest))
            {
                pcr0 = System.Security.Cryptography.SHA256.HashData([.. pcr0, .. digest]);
            }
        }

        string yaml = $"sha256:\n  0 : 0x{Convert.ToHexString(pcr0)}\n";

        LogVerification result = LogVerifier.Verify([EventLogFile.Read(bytes)], ExpectedRegisters.Read(Encoding.ASCII.GetBytes(yaml)));

        Assert.Equal(VerdictKind.Match, Assert.Single(result.Verdicts).Kind);
    }

    [Theory]
    [InlineData("sha256:\n  x : 0x00\n", 2)]
    [InlineData("sha999:\n  0 : 0x00\n", 2)]
    [InlineData("sha1:\n  0 : 0x0011\n", 2)]
    public void Malformed_pcrread_yaml_names_the_line(string yaml, int line)
    {
        var error = Assert.Throws<EvidenceFormatException>(() => ExpectedRegisters.Read(Encoding.ASCII.GetBytes(yaml)));

        Assert.Equal(line, error.Line);
    }

    [SampleDataFact]
    public void Reference_values_from_the_logs_digests_equal_the_replay()
    {
        TcgLog log = TcgLog.Read(SampleData.Read(Logs.TrusteeOvmf));
        var measurements = new List<Replay.ReferenceMeasurement>();
        foreach (TcgEvent e in log)
        {
            if (!e.IsSpecIdHeader && e.Type != TcgEventType.NoAction && RegisterIndexes.TryMapCcMr(e.Index, out RegisterId register) && register.Kind == RegisterKind.Rtmr)
            {
                e.Digests.TryGet(TpmAlgorithm.Sha384, out ReadOnlySpan<byte> digest);
                measurements.Add(new(register, new AgileDigest(MeasurementHash.Sha384, digest)));
            }
        }

        var reference = Replay.LogReplay.ReferenceValues(measurements);

        Assert.Equal(Logs.Read(Logs.TrusteeOvmf).Replay().Select(v => v.ToString()), reference.Select(v => v.ToString()));
    }

    private static LogVerification Verify(byte[] ccel) =>
        LogVerifier.Verify([EventLogFile.Read(ccel)], ExpectedRegisters.FromTdQuote(SampleData.Read(Logs.GoTdxQuote)));

    private static (int Number, int Offset) Find(byte[] log, TcgEventType type, uint ccMrIndex)
    {
        foreach (TcgEvent e in TcgLog.Read(log))
        {
            if (e.Type == type && e.Index == ccMrIndex)
            {
                return (e.Number, e.Offset);
            }
        }

        throw new InvalidOperationException($"no {type} in CC MR {ccMrIndex}");
    }
}
