namespace Tsm.EventLog.Tests.Infrastructure;

/// <summary>The real logs of ../shared/data/eventlog (MANIFEST.md §5) by name.</summary>
internal static class Logs
{
    public const string GoTdxCcel = "eventlog/ccel/gotdx_ccel_data.dat";
    public const string GoTdxCcelTable = "eventlog/ccel/gotdx_ccel_table.dat";
    public const string GoTdxQuote = "tdx/gotdx_ccel_cos113_quote_v4.dat";
    public const string DupeSeparator = "eventlog/ccel/goeventlog_cos-113-intel-tdx-dupe-separator-unpadded.bin";
    public const string TrusteeCcel = "eventlog/ccel/trustee_CCEL_data.bin";
    public const string TrusteeOvmf = "eventlog/ccel/trustee_CCEL_data_ovmf.bin";
    public const string TrusteeGrub = "eventlog/ccel/trustee_CCEL_data_grub.bin";
    public const string TrusteeAlibaba = "eventlog/ccel/trustee_CCEL_AAEL_alibabacloud.bin";
    public const string CcApi = "eventlog/ccel/ccapi_ccel_data.bin";
    public const string Rhel8 = "eventlog/tpm/goeventlog_rhel8-uefi.bin";
    public const string Ubuntu1804 = "eventlog/tpm/goeventlog_ubuntu-1804-amd-sev.bin";
    public const string Debian10 = "eventlog/tpm/goeventlog_debian-10.bin";
    public const string GLinuxAlex = "eventlog/tpm/goeventlog_glinux-alex.bin";
    public const string ArchLinux = "eventlog/tpm/goeventlog_arch-linux-workstation.bin";
    public const string Cos101 = "eventlog/tpm/goeventlog_cos-101-amd-sev.bin";
    public const string AgentCel = "eventlog/cel/gotpmtools_agent_cel.bin";

    /// <summary>Every log file (not the ACPI table, not the expected-JSON files).</summary>
    public static IEnumerable<object[]> All() => SampleData.Files("eventlog/ccel").Concat(SampleData.Files("eventlog/tpm")).Concat(SampleData.Files("eventlog/cel"))
        .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith("_table.dat", StringComparison.Ordinal))
        .Select(f => new object[] { f });

    public static EventLogFile Read(string relative) => EventLogFile.Read(SampleData.Read(relative), source: relative);

    public static string Hex(ReadOnlyMemory<byte> value) => Convert.ToHexStringLower(value.Span);

    public static string Hex(ReadOnlySpan<byte> value) => Convert.ToHexStringLower(value);
}
