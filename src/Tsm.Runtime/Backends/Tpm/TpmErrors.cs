using System;
using System.Collections.Generic;
using System.Linq;

namespace Tsm;

/// <summary>
/// Builds the TPM backend's exceptions, so every message names the command, the TPM and the remedy in the same words.
/// </summary>
internal static class TpmErrors
{
    /// <summary>A response that is not a well-formed answer to <paramref name="command"/>.</summary>
    public static TpmProtocolException Malformed(TpmCommand? command, string location, int offset, string problem) =>
        new($"{Subject(command, location)} got a malformed response at byte {offset}: {problem}. "
            + "The peer is not a TPM 2.0 speaking this protocol, or the response was corrupted; check the URI's scheme (tcp:// for swtpm, mssim:// for the MS simulator) and port.",
            command, offset, location);

    /// <summary>A response code other than success.</summary>
    public static TpmResponseException Refused(TpmCommand command, TpmResponseCode code, string location, int pcr, byte? locality)
    {
        string subject = pcr >= 0 ? $" for PCR {pcr}" : string.Empty;
        return new TpmResponseException(
            $"{TpmCommandNames.Of(command)}{subject} failed on the TPM at '{location}' with {code}: {Remedy(command, code, pcr, locality)}",
            command, code, location);
    }

    /// <summary>The connection or device failed while <paramref name="command"/> was being sent or answered.</summary>
    public static TpmTransportException Transport(TpmCommand? command, string location, string problem, int? errno = null, Exception? inner = null) =>
        new($"{Subject(command, location)} failed: {problem}.", command, location, errno, inner);

    /// <summary>A register or bank the TPM has not allocated.</summary>
    public static TpmBankNotAllocatedException NotAllocated(MeasurementHash bank, IReadOnlyList<MeasurementHash> allocated, string location, string? register)
    {
        string banks = allocated.Count == 0 ? "none" : string.Join(", ", allocated.Select(MeasurementHashInfo.KernelName));
        string what = register is null ? $"The {MeasurementHashInfo.KernelName(bank)} bank" : $"Register '{register}' is in the {MeasurementHashInfo.KernelName(bank)} bank, which";
        return new TpmBankNotAllocatedException(
            $"{what} is not allocated on the TPM at '{location}' (TPM_CAP_PCRS); allocated banks: {banks}. "
            + "Use a register of an allocated bank, or allocate the bank (tpm2_pcrallocate, then a TPM reset; swtpm_setup --pcr-banks for swtpm).",
            bank, allocated, register, location);
    }

    // Only mssim's power-on signals run outside a command.
    private static string Subject(TpmCommand? command, string location) =>
        command is { } c ? $"{TpmCommandNames.Of(c)} to the TPM at '{location}'" : $"Powering on the simulator at '{location}'";

    private static string Remedy(TpmCommand command, TpmResponseCode code, int pcr, byte? locality)
    {
        string at = locality is { } l ? $"locality {l}" : "the connection's locality (0 unless set)";
        return code.BaseCode switch
        {
            0x907 => $"the command is not allowed from {at}. "
                + (pcr is >= 17 and <= 22
                    ? $"PCR {pcr} is a DRTM/trusted-OS PCR: {(command == TpmCommand.PcrReset ? "PC Client resets 17-19 only from locality 4 and 20-22 from 2 or 4" : "PC Client extends 17-18 from localities 2-4, 19 from 2-3, 20 from 1-3 and 21-22 from 2 only")}. "
                        + "On a simulator open with TpmOptions { Locality = 2 } (tcp:// sets it through swtpm's control port, mssim:// sends it with each command); "
                        + "the Linux driver always uses locality 0, so on real hardware use PCR 16 or 23 (resettable, any locality 0-3) or 8-15 instead."
                    : "Choose a locality the PCR's attributes allow (TpmOptions.Locality on a simulator); PCRs 0-15 are never resettable, and 16 and 23 are resettable from localities 0-3."),
            0x100 => "the TPM has not been started. Simulators need TPM2_Startup after power-on: start swtpm with --flags not-need-init,startup-clear, or use the mssim:// scheme, which powers on and starts the simulator.",
            0x101 => "the TPM is in failure mode. Restart it (for swtpm: restart the process); on hardware, reboot and check the firmware log.",
            0x084 => $"a value is out of range{(code.ParameterNumber != 0 ? $" (parameter {code.ParameterNumber})" : code.HandleNumber != 0 ? $" (handle {code.HandleNumber}: the PCR index)" : string.Empty)}. Check the PCR index (0-23) and the request size.",
            0x08B => "the TPM does not know the handle; the PCR index must be 0-23 on a PC Client TPM.",
            0x083 => "the TPM does not implement that hash algorithm; read TPM_CAP_PCRS (TpmSession.AllocatedBanks) for the banks it has.",
            0x095 => "a size field is wrong; a digest must have exactly its bank's size.",
            0x143 => "the TPM does not implement this command.",
            0x922 or 0x90A or 0x908 => "the TPM is busy (self test or another command); nothing changed, retry the command.",
            0x921 => "the TPM is in dictionary-attack lockout; wait for the lockout to expire or clear it with the lockout authorization.",
            0x920 => "the TPM is rate-limiting NV writes; retry later.",
            _ => "see TCG TPM 2.0 Library Part 2 §6.6 (TPM_RC) for the meaning of this code; nothing was changed.",
        };
    }
}
