namespace Tsm;

/// <summary>
/// The emulator's state for one register file: the definition with its hash and size resolved, and the storage it
/// shares with its aliases (the kernel sample points several <c>mr_value</c>s at one buffer).
/// </summary>
internal sealed class EmulatedRegister
{
    public EmulatedRegister(RegisterDefinition definition, MeasurementHash hash, int size, string fileName, string path, byte[] storage)
    {
        Definition = definition;
        Hash = hash;
        Size = size;
        FileName = fileName;
        QualifiedName = RegisterDefinition.Resolve(definition.QualifiedName, hash);
        Path = path;
        Storage = storage;
    }

    public RegisterDefinition Definition { get; }

    /// <summary>The hash an extend uses (resolved for hash-choice registers).</summary>
    public MeasurementHash Hash { get; }

    public int Size { get; }

    public string FileName { get; }

    public string QualifiedName { get; }

    /// <summary>The path used in messages: the sysfs path it emulates, prefixed with <c>emulator:</c>.</summary>
    public string Path { get; }

    /// <summary>The value; the same array as the storage owner's for an alias.</summary>
    public byte[] Storage { get; }

    /// <summary>For registers with a refresh rule, the source registers in concatenation order.</summary>
    public EmulatedRegister[]? RefreshSources { get; set; }

    /// <summary>An errno the next access fails with (fault injection); 0 for none.</summary>
    public int PendingErrno { get; set; }
}
