using System.CommandLine;
using System.IO;
using Tsm.Cli.Decoding;
using Tsm.Cli.Output;

namespace Tsm.Cli.Commands;

/// <summary><c>tsm decode FILE [--json] [--format auto|tdquote|tdreport|snpreport|ccatoken]</c>.</summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        Argument<FileInfo> file = InputFileSymbol.Argument("FILE", "The report, quote or token to decode (- for standard input).");
        Option<bool> json = new("--json") { Description = "Print JSON: schema field names, byte fields as lowercase hex, integers as numbers, every value in full." };
        Option<string> format = new("--format")
        {
            Description = "The file's format; auto detects it from the content (and looks inside MSG_REPORT_RSP and Azure HCL envelopes).",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong(["auto", .. ReportFormat.Names]);

        Command command = new("decode", "Decode a TD quote, TDREPORT, SEV-SNP report or Arm CCA token and print every field.") { file, json, format };
        command.SetAction(parsed =>
        {
            string path = InputFileSymbol.PathOf(parsed.GetRequiredValue(file));
            return CommandRunner.Run(parsed, path, stdout => Decode(path, ReportFormat.Parse(parsed.GetRequiredValue(format)), parsed.GetValue(json), stdout));
        });
        return command;
    }

    private static int Decode(string path, ReportFormat? format, bool json, TextWriter stdout)
    {
        DecodedReport report = ReportDecoder.Decode(InputFile.Read(path), format);
        if (json)
        {
            JsonReportWriter.Write(report, stdout);
        }
        else
        {
            TableReportWriter.Write(report, Path.GetFileName(path), stdout);
        }

        return ExitCodes.Success;
    }
}
