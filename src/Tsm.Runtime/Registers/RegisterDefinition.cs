using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Tsm;

/// <summary>
/// One register as the kernel exposes it: its names, file, size, hash and flags, plus the schema facts the
/// emulator and the tools use. Generated code creates these from the vendor schema; a
/// <see cref="DeviceDefinition"/> checks that they are consistent with each other.
/// </summary>
public sealed class RegisterDefinition
{
    /// <summary>The placeholder in <see cref="FileName"/> and <see cref="QualifiedName"/> of a hash-choice register, replaced by the kernel hash name at open.</summary>
    public const string HashPlaceholder = "{hash}";

    /// <summary>Creates a register definition.</summary>
    /// <param name="name">The kernel <c>mr_name</c>: <c>rtmr3</c>, <c>pcr7</c>, <c>rtmr_crypto_agile</c>.</param>
    /// <param name="qualifiedName"><c>name:hash</c> (<c>rtmr3:sha384</c>), or the bare name for a NOHASH register.</param>
    /// <param name="fileName">The file path relative to the device directory: <c>rtmr3:sha384</c>, <c>mrconfigid</c>, <c>pcr-sha256/7</c>.</param>
    /// <param name="size">The value size in bytes (1..4096); for a hash-choice register the largest choice's digest size.</param>
    /// <param name="hash">The hash algorithm; <see cref="MeasurementHash.None"/> for NOHASH and hash-choice registers.</param>
    /// <param name="flags">The kernel flags.</param>
    /// <exception cref="ArgumentException">A name is empty, the size is out of range, or the file name is absolute or has a <c>..</c> segment.</exception>
    // Generated code calls this; applications get instances from the generated classes, so IntelliSense hides it (issue 8 §5).
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RegisterDefinition(string name, string qualifiedName, string fileName, int size, MeasurementHash hash, RegisterFlags flags)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(qualifiedName);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        if (size is < 1 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"Register '{qualifiedName}': the size must be 1..4096 bytes.");
        }

        if (!Enum.IsDefined(hash))
        {
            throw new ArgumentOutOfRangeException(nameof(hash), hash, $"Register '{qualifiedName}': {hash} is not a MeasurementHash.");
        }

        ValidateFileName(qualifiedName, fileName);
        Name = name;
        QualifiedName = qualifiedName;
        FileName = fileName;
        Size = size;
        Hash = hash;
        Flags = flags;
    }

    /// <summary>The kernel <c>mr_name</c>, shared by the crypto-agile variants of one register.</summary>
    public string Name { get; }

    /// <summary><c>name:hash</c>, or the bare name for a NOHASH register; unique within a device.</summary>
    public string QualifiedName { get; }

    /// <summary>The file path relative to the device directory; unique within a device.</summary>
    public string FileName { get; }

    /// <summary>The value size in bytes (for a hash-choice register: the largest choice; the session resolves the real size).</summary>
    public int Size { get; }

    /// <summary>The hash algorithm; <see cref="MeasurementHash.None"/> for NOHASH and hash-choice registers.</summary>
    public MeasurementHash Hash { get; }

    /// <summary>The kernel flags.</summary>
    public RegisterFlags Flags { get; }

    /// <summary>Whether the file is readable (<c>TSM_MR_F_READABLE</c>).</summary>
    public bool IsReadable => (Flags & RegisterFlags.Readable) != 0;

    /// <summary>Whether a write extends the register (<c>TSM_MR_F_WRITABLE</c>).</summary>
    public bool IsExtendable => (Flags & RegisterFlags.Extendable) != 0;

    /// <summary>
    /// Whether the value can change without a write through this file (<c>TSM_MR_F_LIVE</c>): reading it refreshes the
    /// device's cached values from the hardware when the cache is stale, i.e. after any successful write to the group.
    /// </summary>
    public bool IsLive => (Flags & RegisterFlags.Live) != 0;

    /// <summary>Whether the value is a digest (no <c>TSM_MR_F_NOHASH</c>); true for hash-choice registers too.</summary>
    public bool HasHash => (Flags & RegisterFlags.NoHash) == 0;

    /// <summary>Whether the hash is chosen at run time from <see cref="HashChoices"/> (Arm CCA realms).</summary>
    public bool HasHashChoices => HashChoices.Count > 0;

    /// <summary>For hash-choice registers, the algorithms the platform may choose from; empty otherwise.</summary>
    public IReadOnlyList<MeasurementHash> HashChoices { get; init; } = Array.Empty<MeasurementHash>();

    /// <summary>The number of bytes one extend takes; 0 means <see cref="Size"/> (the only size tsm-mr accepts).</summary>
    public int ExtendInputSize { get; init; }

    /// <summary>The <see cref="Name"/> of the register whose storage this one shares (the sample's crypto-agile aliases), or null.</summary>
    public string? AliasOf { get; init; }

    /// <summary>The base name of the register array this register belongs to (<c>rtmr</c>), or null.</summary>
    public string? ArrayName { get; init; }

    /// <summary>The index inside <see cref="ArrayName"/> (3 for <c>rtmr3</c>), or -1.</summary>
    public int Index { get; init; } = -1;

    /// <summary>The TPM bank this register belongs to, or <see cref="MeasurementHash.None"/>.</summary>
    public MeasurementHash Bank { get; init; }

    /// <summary>A human description from the schema, or null.</summary>
    public string? Description { get; init; }

    /// <summary>The CC measurement-register index used by UEFI CC event logs (TDX: MRTD 0, RTMR0..3 1..4), or -1.</summary>
    public int CcMrIndex { get; init; } = -1;

    /// <summary>The TPM PCRs firmware maps onto this register (TDX RTMR0 ← PCR 1, 7); empty when none.</summary>
    public IReadOnlyList<int> MappedPcrs { get; init; } = Array.Empty<int>();

    /// <summary>The value the emulator starts with.</summary>
    public InitialValue Initial { get; init; }

    /// <summary>
    /// The register's value at reset, <paramref name="size"/> bytes (the resolved size of a hash-choice register):
    /// what the emulator starts it at and what a measurement log assumes for a bank its INIT does not record. A
    /// <see cref="InitialValue.Name"/> register holds the name of its storage owner (the kernel sample,
    /// <c>samples/tsm-mr/tsm_mr_sample.c</c>).
    /// </summary>
    public byte[] ResetValue(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        byte[] value = new byte[size];
        switch (Initial)
        {
            case InitialValue.Ones:
                value.AsSpan().Fill(0xFF);
                break;
            case InitialValue.Name:
                byte[] name = System.Text.Encoding.ASCII.GetBytes(AliasOf ?? Name);
                name.AsSpan(0, Math.Min(name.Length, size)).CopyTo(value);
                break;
            case InitialValue.Zeros:
                break;
        }

        return value;
    }

    /// <summary>For live registers whose value the emulator derives from others (the sample's <c>report_digest</c>), the rule; otherwise null.</summary>
    public RefreshRule? Refresh { get; init; }

    /// <summary>Returns <see cref="QualifiedName"/>.</summary>
    public override string ToString() => QualifiedName;

    /// <summary>Replaces <see cref="HashPlaceholder"/> in <paramref name="template"/> with the kernel name of <paramref name="hash"/>.</summary>
    internal static string Resolve(string template, MeasurementHash hash) =>
        hash == MeasurementHash.None ? template : template.Replace(HashPlaceholder, MeasurementHashInfo.KernelName(hash), StringComparison.Ordinal);

    // File names come from schemas and are joined to a sysfs directory: an absolute path or a ".." segment
    // would let a schema point a write at any file on the machine.
    private static void ValidateFileName(string qualifiedName, string fileName)
    {
        if (fileName[0] == '/' || fileName[0] == '\\' || System.IO.Path.IsPathRooted(fileName))
        {
            throw new ArgumentException($"Register '{qualifiedName}': the file name '{fileName}' must be relative to the device directory.", nameof(fileName));
        }

        foreach (string segment in fileName.Split('/', '\\'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Register '{qualifiedName}': the file name '{fileName}' has an empty, '.', '..' or NUL segment; it must name a file inside the device directory.", nameof(fileName));
            }
        }
    }
}
