using System.Collections.Generic;
using System.CommandLine;
using Tsm.EventLog;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Verification;

namespace Tsm.Cli.Commands;

/// <summary>Reads logs and evidence named on the command line: through <see cref="InputFile.Read"/>, with format errors as <see cref="InputException"/>.</summary>
internal static class LogFiles
{
    /// <summary>The <c>--register</c> option: the register an AAEL extends, which its text does not say.</summary>
    public static Option<string> RegisterOption() =>
        new("--register") { Description = "For an AAEL: the register it extends (schema name: rtmr3, the default; pcr23; rem3). Other formats name their registers.", HelpName = "NAME" };

    /// <exception cref="InputException">The name is not an extendable register.</exception>
    public static RegisterId? Register(string? name)
    {
        if (name is null)
        {
            return null;
        }

        return RegisterId.TryParse(name, out RegisterId register) && RegisterIndexes.IsExtendable(register)
            ? register
            : throw new InputException($"--register '{name}' is not a register an AAEL can extend: pcr0..pcr23, rtmr0..rtmr3, rem0..rem3");
    }

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
