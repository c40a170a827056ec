using System.CommandLine;

namespace Tsm.Cli.Commands;

/// <summary><c>tsm log show | replay | verify | record</c>: event logs (TCG PC Client, CCEL, CEL, AAEL), docs/eventlog.md.</summary>
internal static class LogCommand
{
    public static Command Create() => new("log", "Show, replay, verify and record event logs: TPM binary_bios_measurements, TDX CCEL, TCG CEL, attestation-agent logs.")
    {
        LogShowCommand.Create(),
        LogReplayCommand.Create(),
        LogVerifyCommand.Create(),
        LogRecordCommand.Create(),
    };
}
