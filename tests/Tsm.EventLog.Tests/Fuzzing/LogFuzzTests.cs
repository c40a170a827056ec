using System.Globalization;
using Tsm.EventLog.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Tsm.EventLog.Tests.Fuzzing;

/// <summary>
/// Every reader on every truncation of its real samples and on seeded random mutations (docs/fuzzing.md, "Event logs").
/// <c>TSM_FUZZ_CASES</c> sets the random cases per reader, <c>TSM_FUZZ_SEED</c> the seed; a failure names its case seed.
/// </summary>
public sealed class LogFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 2_000;

    [SampleDataTheory]
    [InlineData("tcg")]
    [InlineData("cel-tlv")]
    [InlineData("aael")]
    [InlineData("ccel-table")]
    [InlineData("evidence")]
    public void Truncations_and_mutations_give_a_format_error_or_a_complete_read(string reader)
    {
        (Func<byte[], bool> check, List<LogSample> samples) = Target(reader);
        var failures = new List<string>();
        int accepted = 0;
        int cases = 0;
        foreach (LogSample sample in samples)
        {
            for (int length = 0; length <= sample.Bytes.Length; length++)
            {
                cases++;
                accepted += Run(check, sample.Bytes[..length], $"{sample.Name} truncated to {length}", failures) ? 1 : 0;
            }
        }

        accepted += RunRandom(reader, check, samples, failures, ref cases);

        output.WriteLine($"{reader}: {cases} cases, {accepted} accepted, {failures.Count} failed");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(5)));
        Assert.InRange(accepted, 1, cases - 1);
    }

    [SampleDataFact]
    public void Mutated_logs_of_every_format_go_through_detection_replay_and_verification_or_fail_with_a_format_error()
    {
        List<LogSample> samples = [.. LogFuzzTargets.TcgLogs(), .. LogFuzzTargets.CelLogs(), .. LogFuzzTargets.AaelLogs(), .. LogFuzzTargets.CelJsonLogs()];
        var failures = new List<string>();
        int cases = 0;

        int accepted = RunRandom("file", LogOracles.File, samples, failures, ref cases);

        output.WriteLine($"file: {cases} cases, {accepted} accepted, {failures.Count} failed");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(5)));
        Assert.InRange(accepted, 1, cases - 1);
    }

    private static (Func<byte[], bool>, List<LogSample>) Target(string reader) => reader switch
    {
        "tcg" => (LogOracles.Tcg, LogFuzzTargets.TcgLogs()),
        "cel-tlv" => (LogOracles.CelTlv, LogFuzzTargets.CelLogs()),
        "aael" => (LogOracles.Aael, LogFuzzTargets.AaelLogs()),
        "evidence" => (LogOracles.Evidence, LogFuzzTargets.Evidence()),
        _ => (LogOracles.CcelTable, LogFuzzTargets.CcelTables()),
    };

    private static int RunRandom(string reader, Func<byte[], bool> check, List<LogSample> samples, List<string> failures, ref int cases)
    {
        int count = Number("TSM_FUZZ_CASES") ?? DefaultCases;
        int seed = Number("TSM_FUZZ_SEED") ?? 20261202;
        int accepted = 0;
        for (int i = 0; i < count; i++)
        {
            int caseSeed = HashCode.Combine(seed, reader.Length, reader[0], i);
            var rng = new Random(caseSeed);
            LogSample sample = samples[rng.Next(samples.Count)];
            (byte[] bytes, string mutation) = LogMutator.Mutate(sample, rng);
            cases++;
            accepted += Run(check, bytes, $"case seed {caseSeed}, {sample.Name}, {mutation}", failures) ? 1 : 0;
        }

        return accepted;
    }

    private static bool Run(Func<byte[], bool> check, byte[] bytes, string what, List<string> failures)
    {
        try
        {
            return check(bytes);
        }
        catch (Exception error)
        {
            failures.Add($"{what}: {error.GetType().Name}: {error.Message}{Environment.NewLine}{error.StackTrace}");
            return false;
        }
    }

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}
