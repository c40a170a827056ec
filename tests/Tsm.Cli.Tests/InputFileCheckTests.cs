using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>
/// Every file <c>tsm</c> reads, as an argument or an option, is checked when the command line is parsed: a missing
/// file or a directory is one line, <c>tsm: PATH: REASON</c> with the path as typed, exit code 2 and nothing on
/// stdout, before any device, emulator state or other option is touched.
/// </summary>
public sealed class InputFileCheckTests : IDisposable
{
    private const string Missing = "{missing}";

    private const string Existing = "{file}";

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>Each input file of each command, with the rest of its command line usable.</summary>
    public static TheoryData<string[]> EveryInputFile() => new(
        ["decode", Missing],
        ["verify", Missing],
        ["verify", Existing, "--cert", Missing],
        ["verify", Existing, "--root", Missing],
        ["verify", Existing, "--iak", Missing],
        ["extend", "--vendor", "tdx", "--backend", "emulated", "rtmr3:sha384", "--data-file", Missing],
        ["report", "--vendor", "tdx", "--backend", "emulated", "--nonce", "00", "--out", "out.bin", "--seed", Missing],
        ["log", "show", Missing],
        ["log", "replay", Existing, Missing],
        ["log", "verify", "--log", Missing, "--evidence", Existing],
        ["log", "verify", "--log", Existing, Missing, "--evidence", Existing],
        ["log", "verify", "--log", Existing, "--evidence", Missing],
        ["log", "verify", "--log", Existing, "--backend", "emulated", "--vendor", "tdx", "--firmware-log", Missing]);

    [Theory]
    [MemberData(nameof(EveryInputFile))]
    public void A_missing_input_file_is_one_line_with_the_path_as_typed(string[] args)
    {
        string missing = _directory.File("missing.bin");

        CliResult result = TsmCli.Run(Fill(args, missing));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal([$"tsm: {missing}: no such file"], result.StderrLines);
    }

    [Theory]
    [MemberData(nameof(EveryInputFile))]
    public void A_directory_given_as_an_input_file_is_one_line_saying_so(string[] args)
    {
        string directory = _directory.File("logs");
        Directory.CreateDirectory(directory);

        CliResult result = TsmCli.Run(Fill(args, directory));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal([$"tsm: {directory}: is a directory; give the file inside it"], result.StderrLines);
    }

    [Fact]
    public void A_missing_log_is_reported_before_the_emulator_state_file_is_opened()
    {
        string state = _directory.File("machine.json");

        CliResult result = TsmCli.Run("log", "verify", "--log", "/nonexistent/measurements.log", "--backend", "emulated:" + state, "--vendor", "tdx");

        Assert.Equal(["tsm: /nonexistent/measurements.log: no such file"], result.StderrLines);
        Assert.False(File.Exists(state), "the state file was created before the log was found missing");
    }

    [Fact]
    public void A_missing_seed_is_reported_before_the_nonce_is_checked_and_nothing_is_written()
    {
        string output = _directory.File("quote.dat");

        CliResult result = TsmCli.Run("report", "--vendor", "tdx", "--backend", "emulated", "--nonce", "not-hex", "--out", output, "--seed", "/nonexistent/seed.dat");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["tsm: /nonexistent/seed.dat: no such file"], result.StderrLines);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_missing_root_is_reported_before_the_evidence_is_read()
    {
        using TempFile garbage = new([1, 2, 3]);

        CliResult result = TsmCli.Run("verify", garbage.Path, "--root", "/nonexistent/root.pem");

        Assert.Equal(["tsm: /nonexistent/root.pem: no such file"], result.StderrLines);
    }

    [Fact]
    public void A_usage_error_still_comes_first_and_points_to_the_help()
    {
        CliResult result = TsmCli.Run("decode", "/nonexistent/quote.dat", "--format", "pdf");

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.Contains("'pdf'", line, StringComparison.Ordinal);
        Assert.EndsWith("(see 'tsm decode --help')", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dash_in_an_option_reads_standard_input()
    {
        using MemoryStream stdin = new("measured"u8.ToArray());

        CliResult result = TsmCli.RunWithInput(stdin, "extend", "--vendor", "tdx", "--backend", "emulated", "rtmr3:sha384", "--data-file", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("rtmr3:sha384 new ", result.Stdout, StringComparison.Ordinal);
    }

    private string[] Fill(string[] args, string missing)
    {
        string existing = _directory.File("existing.bin");
        File.WriteAllBytes(existing, [0]);
        return args.Select(a => a == Missing ? missing : a == Existing ? existing : a == "out.bin" ? _directory.File(a) : a).ToArray();
    }
}
