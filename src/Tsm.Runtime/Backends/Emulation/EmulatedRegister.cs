namespace Tsm;

/// <summary>
/// The emulator's state for one register file: the definition with its hash and size resolved, and the two buffers it
/// shares with its aliases (the kernel sample points several <c>mr_value</c>s at one buffer): the platform's value
/// (what the TDX module or RMM holds) and the kernel's cached copy that reads return
/// (<c>drivers/virt/coco/guest/tsm-mr.c</c> <c>tm_digest_read</c> copies <c>mr_value</c>, refreshed only when the
/// group cache is stale).
/// </summary>
internal sealed class EmulatedRegister
{
    public EmulatedRegister(RegisterDefinition definition, MeasurementHash hash, int size, string fileName, string path, byte[] platform, byte[] cache)
    {
        Definition = definition;
        Hash = hash;
        Size = size;
        FileName = fileName;
        QualifiedName = RegisterDefinition.Resolve(definition.QualifiedName, hash);
        Path = path;
        Platform = platform;
        Cache = cache;
    }

    public RegisterDefinition Definition { get; }

    /// <summary>The hash an extend uses (resolved for hash-choice registers).</summary>
    public MeasurementHash Hash { get; }

    public int Size { get; }

    public string FileName { get; }

    public string QualifiedName { get; }

    /// <summary>The path used in messages: the sysfs path it emulates, prefixed with <c>emulator:</c>.</summary>
    public string Path { get; }

    /// <summary>The platform's value, which extends change; the same array as the storage owner's for an alias.</summary>
    public byte[] Platform { get; }

    /// <summary>
    /// The kernel's copy that reads return, refreshed from <see cref="Platform"/> when a live register is read with a
    /// stale group cache. The same array as <see cref="Platform"/> for TPM devices, whose sysfs reads always ask the TPM.
    /// </summary>
    public byte[] Cache { get; }

    /// <summary>For registers with a refresh rule, the source registers in concatenation order.</summary>
    public EmulatedRegister[]? RefreshSources { get; set; }

    /// <summary>An errno the next write that reaches the driver fails with (fault injection); 0 for none.</summary>
    public int PendingWriteErrno { get; set; }
}
