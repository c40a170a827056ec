namespace Tsm.Runtime.Tests.Fixtures;

/// <summary>A state file path in a fresh temporary directory (the file itself is not created), deleted with the directory.</summary>
public sealed class TempStateFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tsm-state-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "machine.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
