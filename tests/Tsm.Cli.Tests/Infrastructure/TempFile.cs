namespace Tsm.Cli.Tests.Infrastructure;

/// <summary>A file with given bytes in the temp directory, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(ReadOnlySpan<byte> bytes, string extension = ".bin")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tsm-cli-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(Path, bytes.ToArray());
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
