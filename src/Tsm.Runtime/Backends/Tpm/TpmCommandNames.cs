namespace Tsm;

/// <summary>The spec's names of <see cref="TpmCommand"/> values (<c>TPM2_PCR_Extend</c>), for messages.</summary>
internal static class TpmCommandNames
{
    public static string Of(TpmCommand command) => command switch
    {
        TpmCommand.PcrReset => "TPM2_PCR_Reset",
        TpmCommand.Startup => "TPM2_Startup",
        TpmCommand.GetCapability => "TPM2_GetCapability",
        TpmCommand.GetRandom => "TPM2_GetRandom",
        TpmCommand.PcrRead => "TPM2_PCR_Read",
        TpmCommand.PcrExtend => "TPM2_PCR_Extend",
        _ => $"TPM command 0x{(uint)command:X8}",
    };
}
