using Microsoft.CodeAnalysis;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>
/// TSM1004: a parsed report (a <c>ref struct</c> view over the caller's bytes) read after the buffer it was parsed from
/// was overwritten in the same block. Only certain cases are reported; anything that might not alias stays quiet.
/// </summary>
public sealed class ReportViewTests
{
    private const string Id = "TSM1004";

    [Fact]
    public async Task Reading_a_view_after_its_buffer_is_refilled_is_reported()
    {
        await Verify("""
            byte[] buffer = new byte[TdReport.MinimumSize];
            stream.ReadExactly(buffer);
            var report = TdReport.Parse(buffer);
            Sha384Digest before = report.Rtmr3;
            stream.ReadExactly(buffer);
            Console.WriteLine({|TSM1004:report|}.Rtmr3.Equals(before));
            """);
    }

    [Fact]
    public async Task Spans_and_refs_taken_from_the_view_are_views_too()
    {
        await Verify("""
            byte[] buffer = File.ReadAllBytes("report.bin");
            TdReport report = TdReport.Parse(buffer);
            ReadOnlySpan<byte> reportData = report.ReportData;
            ref readonly Sha384Digest mrtd = ref report.MrTd;
            Sha384Digest copy = report.Rtmr0;
            buffer[130] = 0xff;
            Console.WriteLine({|TSM1004:reportData|}[2]);
            Console.WriteLine({|TSM1004:mrtd|}.ToString() + copy.ToString());
            """);
    }

    [Fact]
    public async Task TryParse_views_and_other_writers_are_reported()
    {
        await Verify("""
            Span<byte> buffer = stackalloc byte[1024];
            stream.ReadExactly(buffer);
            if (TdReport.TryParse(buffer, out TdReport report))
            {
                buffer.Clear();
                Console.WriteLine({|TSM1004:report|}.ReportType);
            }

            byte[] array = new byte[4096];
            int read = stream.Read(array, 0, array.Length);
            var quote = TdQuote.Parse(array.AsSpan(0, read));
            var body = quote.Body;
            Array.Clear(array);
            Console.WriteLine({|TSM1004:body|}.MrTd.ToString());
            """);
    }

    [Fact]
    public async Task Writes_before_the_parse_or_a_fresh_parse_after_the_write_are_not_reported()
    {
        await Verify("""
            byte[] buffer = new byte[1024];
            stream.ReadExactly(buffer);
            var first = TdReport.Parse(buffer);
            Console.WriteLine(first.Rtmr3.ToString());
            stream.ReadExactly(buffer);
            var second = TdReport.Parse(buffer);
            Console.WriteLine(second.Rtmr3.ToString());
            Sha384Digest copied = second.Rtmr2;
            buffer.AsSpan().Clear();
            Console.WriteLine(copied.ToString());
            """);
    }

    [Fact]
    public async Task Writes_that_may_not_overlap_or_may_not_run_are_not_reported()
    {
        await Verify("""
            byte[] buffer = new byte[8192];
            var report = TdReport.Parse(buffer);
            buffer[2000] = 1;
            stream.ReadExactly(buffer, 1024, 16);
            buffer.AsSpan(1024).Clear();
            int offset = x.Length;
            buffer[offset] = 1;
            if (x.Length > 3)
            {
                stream.ReadExactly(buffer);
            }

            Console.WriteLine(report.Rtmr3.ToString());
            buffer.AsSpan().SequenceEqual(x);
            Console.WriteLine(report.Rtmr2.ToString());
            """);
    }

    [Fact]
    public async Task A_reassigned_buffer_is_not_reported()
    {
        await Verify("""
            byte[] buffer = new byte[1024];
            var report = TdReport.Parse(buffer);
            buffer = new byte[1024];
            stream.ReadExactly(buffer);
            Console.WriteLine(report.Rtmr3.ToString());
            """);
    }

    [Fact]
    public async Task The_message_names_the_view_the_buffer_and_the_write()
    {
        (_, IReadOnlyList<Diagnostic> diagnostics) = await UsageTesting.AnalyzeAsync(OutputKind.DynamicallyLinkedLibrary, UsageTesting.InMethod("""
            byte[] buffer = new byte[1024];
            var report = TdReport.Parse(buffer);
            stream.ReadExactly(buffer);
            Console.WriteLine(report.Rtmr3.ToString());
            """));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith(
            "'report' reads 'buffer', which was overwritten after it was parsed (by 'stream.ReadExactly(buffer)' on line ",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal);
        Assert.Equal(2, diagnostic.AdditionalLocations.Count);
    }

    private static Task Verify(string statements) => new UsageAnalyzerTest(UsageTesting.InMethod(statements)).RunAsync();
}
