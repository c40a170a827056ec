using System.IO;
using System.Linq;
using Tsm.Cli.Decoding;

namespace Tsm.Cli.Output;

/// <summary>
/// <c>tsm decode</c> for people: what the file is, how much of it the report takes, then one row per field
/// (dotted schema path, value). Values longer than 64 bytes are shortened; <c>--json</c> shows them in full.
/// </summary>
internal static class TableReportWriter
{
    public static void Write(DecodedReport report, string fileName, TextWriter output)
    {
        FieldTable table = new();
        report.VisitFields(table);
        int width = table.Rows.Max(row => row.Path.Length) + 2;

        output.WriteLine($"{fileName}: {report.Format.Name} ({report.Format.Title}, {report.Variant})");
        if (report.Envelope != ReportEnvelope.None)
        {
            output.WriteLine($"envelope: {report.Envelope.Title()}, the report starts at byte {report.Start}");
        }

        output.WriteLine(report.TrailingBytes.IsEmpty
            ? $"size: {report.Length} bytes, no trailing bytes"
            : $"size: {report.Length} bytes, then {report.TrailingBytes.Length} trailing bytes (not part of the report): {ValueText.Bytes(report.TrailingBytes)}");
        output.WriteLine();
        foreach ((string path, string value) in table.Rows)
        {
            output.WriteLine(path.PadRight(width) + value);
        }
    }
}
