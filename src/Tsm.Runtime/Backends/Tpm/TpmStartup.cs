using System;

namespace Tsm;

/// <summary>TPM2_Startup(TPM_SU_CLEAR) (Part 3 §9.3): <c>u16 startupType</c>, no sessions.</summary>
internal static class TpmStartup
{
    public static int Write(Span<byte> buffer)
    {
        var writer = new TpmCommandWriter(buffer, TpmLimits.NoSessionsTag, TpmCommand.Startup);
        writer.UInt16(TpmLimits.StartupClear);
        return writer.Finish();
    }
}
