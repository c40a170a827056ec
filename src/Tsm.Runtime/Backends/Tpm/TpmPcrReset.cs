using System;

namespace Tsm;

/// <summary>TPM2_PCR_Reset (Part 3 §22.8): the PCR handle and an empty password session; no parameters.</summary>
internal static class TpmPcrReset
{
    public static int Write(Span<byte> buffer, int pcr)
    {
        var writer = new TpmCommandWriter(buffer, TpmLimits.SessionsTag, TpmCommand.PcrReset);
        writer.UInt32((uint)pcr);
        writer.PasswordSession();
        return writer.Finish();
    }
}
