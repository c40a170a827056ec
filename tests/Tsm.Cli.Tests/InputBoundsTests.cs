using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>
/// Every input is read with a bound: devices that never end, directories and standard input give exit code 2 and
/// one line, never an out-of-memory abort.
/// </summary>
public sealed class InputBoundsTests
{
    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_device_that_never_ends_is_refused_after_16_MiB_with_exit_code_2_and_one_line(string device)
    {
        CliResult result = TsmCli.Run("decode", device, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"tsm: {device}: more than 16777216 bytes (16 MiB), the most tsm reads from one input; no evidence or event log is that large", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void A_directory_says_it_is_a_directory()
    {
        string directory = Path.GetTempPath().TrimEnd('/');

        CliResult result = TsmCli.Run("decode", directory);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"tsm: {directory}: is a directory; give the file inside it", Assert.Single(result.StderrLines));
    }

    [SampleDataFact]
    public void A_dash_reads_the_evidence_from_standard_input()
    {
        using MemoryStream stdin = new(SampleData.Read("tdx/gotdx_ccel_cos113_quote_v4.dat"));

        CliResult result = TsmCli.RunWithInput(stdin, "decode", "-", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"format\": \"tdquote\"", result.Stdout);
    }

    [Fact]
    public void Endless_standard_input_is_refused_like_an_endless_file()
    {
        using EndlessStream stdin = new();

        CliResult result = TsmCli.RunWithInput(stdin, "decode", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("tsm: standard input: more than 16777216 bytes", Assert.Single(result.StderrLines));
        Assert.True(stdin.BytesRead <= 16 * 1024 * 1024 + 81920, $"read {stdin.BytesRead} bytes");
    }

    [Fact]
    public void A_missing_file_says_so()
    {
        CliResult result = TsmCli.Run("decode", "/nonexistent/quote.dat");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("tsm: /nonexistent/quote.dat: no such file", Assert.Single(result.StderrLines));
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill(0x5A);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
