using System;
using System.Collections.Generic;

namespace Tsm;

/// <summary>
/// TPM2_GetCapability(TPM_CAP_PCRS) (Part 3 §30.2; kernel <c>tpm2_get_pcr_allocation</c>): <c>u32 capability = 5</c>,
/// <c>u32 property = 0</c>, <c>u32 propertyCount = 1</c>. The answer is <c>u8 moreData</c>, <c>u32 capability</c> and a
/// TPML_PCR_SELECTION with one entry per implemented bank; a bank is allocated when its bitmap has a PCR set.
/// </summary>
internal static class TpmGetCapability
{
    public static int WritePcrs(Span<byte> buffer)
    {
        var writer = new TpmCommandWriter(buffer, TpmLimits.NoSessionsTag, TpmCommand.GetCapability);
        writer.UInt32(TpmLimits.CapabilityPcrs);
        writer.UInt32(0);
        writer.UInt32(1);
        return writer.Finish();
    }

    /// <returns>The allocated banks of algorithms Tsm knows, in the TPM's order.</returns>
    public static MeasurementHash[] ParsePcrs(TpmResponseReader reader)
    {
        _ = reader.UInt8("moreData");
        int at = reader.Offset;
        uint capability = reader.UInt32("capability");
        if (capability != TpmLimits.CapabilityPcrs)
        {
            throw reader.Malformed(at, $"the capability is 0x{capability:X8}, not TPM_CAP_PCRS (5)");
        }

        at = reader.Offset;
        uint count = reader.UInt32("the bank count");
        if (count > TpmLimits.MaxBanks * 2)
        {
            throw reader.Malformed(at, $"{count} banks is more than any TPM implements");
        }

        var allocated = new List<MeasurementHash>((int)count);
        for (int i = 0; i < count; i++)
        {
            ushort algorithm = reader.UInt16("a bank's hash algorithm");
            at = reader.Offset;
            byte size = reader.UInt8("sizeofSelect");
            if (size > 4)
            {
                throw reader.Malformed(at, $"sizeofSelect is {size}; a PCR bitmap is at most 4 bytes (PCR_SELECT_MAX)");
            }

            bool any = reader.Bytes(size, "pcrSelect").IndexOfAnyExcept((byte)0) >= 0;
            MeasurementHash hash = TpmAlgorithms.HashOf(algorithm);
            if (allocated.Contains(hash))
            {
                throw reader.Malformed(at - 2, $"the {MeasurementHashInfo.KernelName(hash)} bank is listed twice");
            }

            if (any && hash != MeasurementHash.None)
            {
                allocated.Add(hash);
            }
        }

        reader.End();
        return allocated.ToArray();
    }
}
