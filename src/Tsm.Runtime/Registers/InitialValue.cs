namespace Tsm;

/// <summary>The value a register has when the emulator creates it (the platform's reset value).</summary>
public enum InitialValue
{
    /// <summary>All bytes 0x00: RTMRs, CCA REMs, most TPM PCRs.</summary>
    Zeros,

    /// <summary>All bytes 0xFF: TPM PCRs 17-22, whose reset locality includes 4.</summary>
    Ones,

    /// <summary>The ASCII name of the register that owns the storage, zero-padded: the kernel's tsm-mr sample driver.</summary>
    Name,
}
