namespace Tsm.Cli.Tests.Infrastructure;

/// <summary>An empty directory in the temp directory, deleted with its contents on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("tsm-cli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
