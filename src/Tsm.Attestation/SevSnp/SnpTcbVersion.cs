using System;
using System.Globalization;

namespace Tsm.Attestation;

/// <summary>
/// An AMD SEV-SNP TCB_VERSION (u64, little-endian in reports). Its byte layout depends on the processor family, so
/// both decompositions are offered: Milan/Genoa and Turin (AMD SEV-SNP ABI specification, TCB_VERSION; go-sev-guest abi/abi.go).
/// </summary>
/// <remarks>
/// The shipped <c>sev-snp</c> schema names it in <c>"as": "Tsm.Attestation.SnpTcbVersion"</c> on its four TCB fields, so it
/// lives with that schema's other vendor code, not in Tsm.Runtime; a project that generates <c>sev-snp</c> itself gets
/// these fields typed when it references Tsm.Attestation, and plain <c>ulong</c>s (warning TSM0017) when it does not.
/// </remarks>
public readonly struct SnpTcbVersion : IEquatable<SnpTcbVersion>
{
    /// <summary>Wraps the raw 64-bit value as read from the report.</summary>
    public SnpTcbVersion(ulong raw) => Raw = raw;

    /// <summary>The raw value.</summary>
    public ulong Raw { get; }

    /// <summary>Milan/Genoa layout: byte 0 boot loader, 1 TEE, 6 SNP, 7 microcode (bytes 2-5 reserved).</summary>
    public SnpTcbParts MilanGenoa => new(Fmc: null, BootLoader: Byte(0), Tee: Byte(1), Snp: Byte(6), Microcode: Byte(7));

    /// <summary>Turin layout: byte 0 FMC, 1 boot loader, 2 TEE, 3 SNP, 7 microcode (bytes 4-6 reserved).</summary>
    public SnpTcbParts Turin => new(Fmc: Byte(0), BootLoader: Byte(1), Tee: Byte(2), Snp: Byte(3), Microcode: Byte(7));

    /// <inheritdoc/>
    public bool Equals(SnpTcbVersion other) => Raw == other.Raw;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SnpTcbVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Raw.GetHashCode();

    /// <summary>The raw value as 16 hex digits.</summary>
    public override string ToString() => Raw.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Value equality.</summary>
    public static bool operator ==(SnpTcbVersion left, SnpTcbVersion right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(SnpTcbVersion left, SnpTcbVersion right) => !left.Equals(right);

    private byte Byte(int index) => (byte)(Raw >> (8 * index));
}
