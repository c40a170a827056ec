using System;
using System.CommandLine;
using System.IO;
using Tsm.Cli.Decoding;

namespace Tsm.Cli.Commands;

/// <summary>
/// Runs a command's body and turns unusable input (including an unusable emulator state file) into exit code 2 and a
/// device or TPM failure into exit code 3, each with one line on stderr.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Calls <paramref name="body"/> with standard output; reports failures about <paramref name="path"/> on standard error.</summary>
    public static int Run(ParseResult parsed, string path, Func<TextWriter, int> body)
    {
        TextWriter stderr = parsed.InvocationConfiguration.Error;
        try
        {
            return body(parsed.InvocationConfiguration.Output);
        }
        catch (UndecodableReportException error)
        {
            stderr.WriteLine($"tsm: {path}: {error.Message}");
        }
        catch (InputException error)
        {
            stderr.WriteLine($"tsm: {error.Message}");
        }
        catch (MeasurementSizeArgumentException error)
        {
            stderr.WriteLine($"tsm: {OneLine(error.Message)}");
        }
        catch (ReportFormatException error)
        {
            stderr.WriteLine($"tsm: {path}: {OneLine(error.Message)}");
        }
        catch (EmulatorStateException error)
        {
            // The state file is input, like a report file: a corrupted one is unusable, not a device failure.
            stderr.WriteLine($"tsm: {OneLine(error.Message)}");
        }
        catch (TsmException error)
        {
            stderr.WriteLine($"tsm: {OneLine(error.Message)}");
            return ExitCodes.DeviceFailed;
        }

        return ExitCodes.Unusable;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
