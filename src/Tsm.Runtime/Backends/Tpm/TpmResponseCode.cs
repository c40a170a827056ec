using System;

namespace Tsm;

/// <summary>
/// A TPM 2.0 response code decoded as TCG TPM 2.0 Library Part 2 §6.6 (TPM_RC) lays it out. Format 1 (bit 7 set) carries
/// an error number in bits 0-5 and says which parameter (bit 6 set: parameter N in bits 8-11), handle (N 1-7) or
/// session (bit 11 set: session N-8) was wrong; format 0 (bit 7 clear, bit 8 <c>RC_VER1</c> set) is an error or, with
/// bit 11 set, a warning (<c>RC_WARN</c> 0x900) in bits 0-6. A code without <c>RC_VER1</c> and format 1 is a TPM 1.2 code.
/// </summary>
public readonly struct TpmResponseCode : IEquatable<TpmResponseCode>
{
    private const uint Format1Bit = 0x080;
    private const uint Version1Bit = 0x100;
    private const uint VendorBit = 0x400;
    private const uint SeverityBit = 0x800;
    private const uint ParameterBit = 0x040;

    /// <summary>Wraps the raw 32-bit response code of a response header.</summary>
    public TpmResponseCode(uint value) => Value = value;

    /// <summary>The raw code from the response header.</summary>
    public uint Value { get; }

    /// <summary>Whether the command succeeded (<c>TPM_RC_SUCCESS</c>, 0).</summary>
    public bool IsSuccess => Value == 0;

    /// <summary>Whether the code is format 1: an error about one parameter, handle or session.</summary>
    public bool IsFormat1 => (Value & Format1Bit) != 0;

    /// <summary>Whether the code is a format-0 warning (<c>RC_WARN</c>): the command did not run and may succeed later (<c>TPM_RC_RETRY</c>, <c>TPM_RC_TESTING</c>, ...).</summary>
    public bool IsWarning => !IsFormat1 && (Value & Version1Bit) != 0 && (Value & SeverityBit) != 0;

    /// <summary>For a format-1 code about a parameter, its number (1 = the first parameter); otherwise 0.</summary>
    public int ParameterNumber => IsFormat1 && (Value & ParameterBit) != 0 ? (int)((Value >> 8) & 0xF) : 0;

    /// <summary>For a format-1 code about a handle, its number (1-7); otherwise 0.</summary>
    public int HandleNumber => IsFormat1 && (Value & ParameterBit) == 0 && (Value & SeverityBit) == 0 ? (int)((Value >> 8) & 0x7) : 0;

    /// <summary>For a format-1 code about a session, its number (1-7); otherwise 0.</summary>
    public int SessionNumber => IsFormat1 && (Value & ParameterBit) == 0 && (Value & SeverityBit) != 0 ? (int)((Value >> 8) & 0x7) : 0;

    /// <summary>
    /// The code without its parameter, handle or session number, as the spec names it: <c>0x084</c> for any
    /// <c>TPM_RC_VALUE</c>, <c>0x907</c> for <c>TPM_RC_LOCALITY</c>.
    /// </summary>
    public uint BaseCode => IsFormat1 ? Format1Bit | (Value & 0x3F) : Value;

    /// <summary>The spec's name of <see cref="BaseCode"/> (<c>TPM_RC_LOCALITY</c>), or a description of an unnamed code.</summary>
    public string Name => TpmResponseCodeNames.Of(this);

    /// <summary>The name, and for format-1 codes the parameter, handle or session it is about: <c>TPM_RC_VALUE (parameter 1)</c>.</summary>
    public override string ToString()
    {
        string code = $"{Name} (0x{Value:X3})";
        if (ParameterNumber != 0)
        {
            return $"{code}, parameter {ParameterNumber}";
        }

        if (HandleNumber != 0)
        {
            return $"{code}, handle {HandleNumber}";
        }

        return SessionNumber != 0 ? $"{code}, session {SessionNumber}" : code;
    }

    /// <inheritdoc/>
    public bool Equals(TpmResponseCode other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TpmResponseCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Value;

    /// <summary>Compares the raw codes.</summary>
    public static bool operator ==(TpmResponseCode left, TpmResponseCode right) => left.Equals(right);

    /// <summary>Compares the raw codes.</summary>
    public static bool operator !=(TpmResponseCode left, TpmResponseCode right) => !left.Equals(right);

    /// <summary>Whether the code is vendor-defined (format 0 with bit 10 set).</summary>
    internal bool IsVendorDefined => !IsFormat1 && (Value & Version1Bit) != 0 && (Value & VendorBit) != 0;

    /// <summary>Whether the code is a TPM 1.2 code (neither format 1 nor <c>RC_VER1</c>), which a TPM 2.0 sends only for a TPM 1.2 command.</summary>
    internal bool IsTpm12 => !IsFormat1 && (Value & Version1Bit) == 0 && Value != 0;
}
