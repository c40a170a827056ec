using System;
using System.Globalization;

namespace Tsm.EventLog.Registers;

/// <summary>A register by kind and index, named as the vendor schemas name it (<c>pcr7</c>, <c>rtmr2</c>, <c>mrtd</c>).</summary>
/// <param name="Kind">PCR, RTMR or MRTD.</param>
/// <param name="Index">The PCR or RTMR number; 0 for MRTD.</param>
public readonly record struct RegisterId(RegisterKind Kind, int Index) : IComparable<RegisterId>
{
    /// <summary>The schema name: <c>pcr{Index}</c>, <c>rtmr{Index}</c> or <c>mrtd</c> (schemas/tpm.tsm.json, schemas/tdx.tsm.json); an NV index as <c>nv:0x…</c>.</summary>
    public string Name => Kind switch
    {
        RegisterKind.Pcr => string.Create(CultureInfo.InvariantCulture, $"pcr{Index}"),
        RegisterKind.Rtmr => string.Create(CultureInfo.InvariantCulture, $"rtmr{Index}"),
        RegisterKind.Mrtd => "mrtd",
        RegisterKind.Rem => string.Create(CultureInfo.InvariantCulture, $"rem{Index}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"nv:0x{Index:x8}"),
    };

    /// <summary>PCR <paramref name="index"/>.</summary>
    public static RegisterId Pcr(int index) => new(RegisterKind.Pcr, index);

    /// <summary>RTMR <paramref name="index"/>.</summary>
    public static RegisterId Rtmr(int index) => new(RegisterKind.Rtmr, index);

    /// <summary>Parses a schema name (<c>pcr0</c>..<c>pcr23</c>, <c>rtmr0</c>..<c>rtmr3</c>, <c>rem0</c>..<c>rem3</c>, <c>mrtd</c>).</summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a register.</returns>
    public static bool TryParse(string name, out RegisterId register)
    {
        register = default;
        if (name == "mrtd")
        {
            register = new RegisterId(RegisterKind.Mrtd, 0);
            return true;
        }

        (string prefix, RegisterKind kind, int count) = name.StartsWith("pcr", StringComparison.Ordinal) ? ("pcr", RegisterKind.Pcr, RegisterIndexes.PcrCount)
            : name.StartsWith("rtmr", StringComparison.Ordinal) ? ("rtmr", RegisterKind.Rtmr, RegisterIndexes.RtmrCount)
            : name.StartsWith("rem", StringComparison.Ordinal) ? ("rem", RegisterKind.Rem, RegisterIndexes.RemCount)
            : (string.Empty, RegisterKind.Pcr, 0);
        string digits = name[prefix.Length..];
        if (count == 0 || digits.Length is 0 or > 2 || (digits.Length == 2 && digits[0] == '0')
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= count)
        {
            return false;
        }

        register = new RegisterId(kind, index);
        return true;
    }

    /// <summary>Orders PCRs before RTMRs before MRTD, then by index: the order replay results are listed in.</summary>
    public int CompareTo(RegisterId other) => Kind != other.Kind ? Kind.CompareTo(other.Kind) : Index.CompareTo(other.Index);

    /// <inheritdoc />
    public override string ToString() => Name;
}
