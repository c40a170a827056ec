namespace Tsm;

/// <summary>How a device's register files encode their values.</summary>
public enum SysfsEncoding
{
    /// <summary>tsm-mr binary attributes: the raw value bytes; an extend is one write of exactly the register size at offset 0.</summary>
    Binary,

    /// <summary>TPM <c>pcr-&lt;hash&gt;/&lt;n&gt;</c> files: uppercase hex and a newline, read-only (extend goes through the TPM device).</summary>
    Hex,
}
