using System.Collections.Generic;
using Tsm.EventLog;
using Tsm.EventLog.Verification;

namespace Tsm.Cli.Commands;

/// <summary>Reads logs and evidence named on the command line: through <see cref="InputFile.Read"/>, with format errors as <see cref="InputException"/>.</summary>
internal static class LogFiles
{
    public static EventLogFile Read(string path)
    {
        byte[] bytes = InputFile.Read(path);
        try
        {
            return EventLogFile.Read(bytes, source: path);
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
