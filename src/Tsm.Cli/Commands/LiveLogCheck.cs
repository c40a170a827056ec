using System.CommandLine;
using System.IO;
using Tsm.Cli.Output;
using Tsm.EventLog.Recording;

namespace Tsm.Cli.Commands;

/// <summary><c>tsm log verify --log FILE --backend B</c>: a measurement log checked against its live register.</summary>
internal static class LiveLogCheck
{
    public static int Run(ParseResult parsed, LogTarget target, string logPath, string? firmwareLogPath, bool json, TextWriter stdout)
    {
        EventLog.EventLogFile? firmwareLog = firmwareLogPath is null ? null : LogFiles.Read(firmwareLogPath);
        (MeasurementPlatform platform, LogicalRegister register) = target.Open(parsed);
        using (platform)
        {
            MeasurementLogCheck check;
            try
            {
                check = MeasurementLog.Check(logPath, register, firmwareLog);
            }
            catch (MeasurementLogException error)
            {
                throw new InputException(error.Message);
            }

            if (json)
            {
                MeasurementLogJsonWriter.WriteCheck(check, stdout);
            }
            else
            {
                MeasurementLogTableWriter.WriteCheck(check, stdout);
            }

            return check.IsVerified ? ExitCodes.Success : ExitCodes.CheckFailed;
        }
    }
}
