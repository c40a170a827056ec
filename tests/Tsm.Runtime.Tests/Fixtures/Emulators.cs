namespace Tsm.Runtime.Tests.Fixtures;

/// <summary>
/// The two emulators whose rules must agree: the in-process <see cref="EmulatedBackend"/> and the
/// <see cref="FileEmulatedBackend"/> on a fresh state file. Tests take the name as a theory parameter.
/// </summary>
public sealed class Emulators : IDisposable
{
    public const string InProcess = "in-process";
    public const string File = "state file";

    private readonly TempStateFile? _stateFile;

    private Emulators(string kind, EmulatorOptions? options)
    {
        if (kind == File)
        {
            _stateFile = new TempStateFile();
            Backend = TsmBackend.EmulatedFile(_stateFile.Path, options);
        }
        else
        {
            Backend = TsmBackend.Emulated(options);
        }
    }

    public static TheoryData<string> Both => new(InProcess, File);

    public TsmBackend Backend { get; }

    public static Emulators Create(string kind, EmulatorOptions? options = null) => new(kind, options);

    /// <summary>Runs <paramref name="use"/> on the device, for the file ABI, seeding and faults: one transaction on a state file.</summary>
    public T Use<T>(DeviceDefinition definition, Func<EmulatedDevice, T> use) => Backend switch
    {
        EmulatedBackend emulated => use(emulated.Device(definition)),
        FileEmulatedBackend file => file.Edit(definition, use),
        _ => throw new InvalidOperationException(),
    };

    public void Use(DeviceDefinition definition, Action<EmulatedDevice> use) => Use(definition, device =>
    {
        use(device);
        return true;
    });

    /// <summary>Reads <paramref name="size"/> bytes of a register file at offset 0 and checks that all of them came.</summary>
    public byte[] ReadFile(DeviceDefinition definition, string file, int size)
    {
        byte[] value = new byte[size];
        Assert.Equal(size, Use(definition, device => device.ReadFile(file, 0, value)));
        return value;
    }

    public void Dispose() => _stateFile?.Dispose();
}
