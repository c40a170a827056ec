namespace Tsm.EventLog.Ccel;

/// <summary>The CC Type byte of the CCEL table (ACPI 6.5 "CC Event Log ACPI Table"; edk2 <c>EFI_CC_TYPE_*</c> in <c>MdePkg/Include/Protocol/CcMeasurement.h</c>).</summary>
public enum CcType : byte
{
    /// <summary>AMD SEV (1).</summary>
    AmdSev = 1,

    /// <summary>Intel TDX (2).</summary>
    IntelTdx = 2,
}
