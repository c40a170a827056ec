using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using Tsm.EventLog;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Verification;

namespace Tsm.Cli.Commands;

/// <summary>Reads logs and evidence named on the command line: through <see cref="InputFile.Read"/>, with format errors as <see cref="InputException"/>.</summary>
internal static class LogFiles
{
    /// <summary>The names <c>--register</c> accepts and completes to: every register events can be extended into.</summary>
    public static IReadOnlyList<string> ExtendableRegisters { get; } =
    [
        .. Enumerable.Range(0, RegisterIndexes.PcrCount).Select(static i => RegisterId.Pcr(i).Name),
        .. Enumerable.Range(0, RegisterIndexes.RtmrCount).Select(static i => RegisterId.Rtmr(i).Name),
        .. Enumerable.Range(0, RegisterIndexes.RemCount).Select(static i => new RegisterId(RegisterKind.Rem, i).Name),
    ];

    /// <summary>
    /// The <c>--register</c> option: the register an AAEL extends, which its text does not say. A name that is not an
    /// extendable register is a usage error, found before the log is read.
    /// </summary>
    public static Option<string> RegisterOption()
    {
        Option<string> register = new("--register") { Description = "For an AAEL: the register it extends (schema name: rtmr3, the default; pcr23; rem3). Other formats name their registers.", HelpName = "NAME" };
        register.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<string>() is { } name && !ExtendableRegisters.Contains(name))
            {
                result.AddError($"--register '{name}' is not a register an AAEL can extend: pcr0..pcr23, rtmr0..rtmr3, rem0..rem3");
            }
        });
        register.CompletionSources.Add([.. ExtendableRegisters]);
        return register;
    }

    /// <summary>The register <c>--register</c> names (checked when parsed), or null when it was not given.</summary>
    public static RegisterId? Register(string? name) => name is null ? null : RegisterId.TryParse(name, out RegisterId register) ? register : null;

    public static EventLogFile Read(string path, RegisterId? register = null)
    {
        byte[] bytes = InputFile.Read(path);
        try
        {
            return EventLogFile.Read(bytes, source: path, applicationRegister: register);
        }
        catch (EventLogFormatException error)
        {
            throw InputException.ForFile(path, error.Message);
        }
    }

    public static List<EventLogFile> ReadAll(IEnumerable<string> paths)
    {
        var logs = new List<EventLogFile>();
        foreach (string path in paths)
        {
            logs.Add(Read(path));
        }

        return logs;
    }

    public static ExpectedRegisters ReadEvidence(string path)
    {
        byte[] bytes = InputFile.Read(path);
        try
        {
            return ExpectedRegisters.Read(bytes);
        }
        catch (EvidenceFormatException error)
        {
            throw InputException.ForFile(path, error.Message);
        }
        catch (ReportFormatException error)
        {
            throw InputException.ForFile(path, error.Message);
        }
    }
}
