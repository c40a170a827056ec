namespace Tsm.Runtime.Tests.Fixtures;

/// <summary>A temporary directory laid out like a device's register directory, deleted on dispose.</summary>
public sealed class TemporarySysfsDirectory : IDisposable
{
    public TemporarySysfsDirectory() => Path = Directory.CreateTempSubdirectory("tsm-sysfs-").FullName;

    public string Path { get; }

    /// <summary>
    /// /sys/class/misc/tdx_guest/measurements: the eight files with their names and sizes (48 bytes each), each filled
    /// with distinct known bytes (see <see cref="TdxContent"/>).
    /// </summary>
    public static TemporarySysfsDirectory LikeTdx()
    {
        var directory = new TemporarySysfsDirectory();
        foreach (RegisterDefinition register in TdxDevice.Definition.Registers)
        {
            directory.Write(register.FileName, TdxContent(register.FileName));
        }

        return directory;
    }

    public static byte[] TdxContent(string fileName) =>
        Reference.Bytes(48, 1 + TdxDevice.Definition.Registers.ToList().FindIndex(r => r.FileName == fileName));

    public string PathOf(string fileName) => System.IO.Path.Combine(Path, fileName);

    public void Write(string fileName, byte[] content)
    {
        string path = PathOf(fileName);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public byte[] Read(string fileName) => File.ReadAllBytes(PathOf(fileName));

    public void Dispose()
    {
        // Tests make files read-only; restore write access so an unprivileged run can delete them.
        foreach (string file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        Directory.Delete(Path, recursive: true);
    }
}
