using System.Diagnostics;

namespace Tsm.EventLog.Tests.Recording;

/// <summary>
/// A small tmpfs mounted for one test (a full disk, a read-only directory), unmounted at dispose. Mounting needs
/// root, which CI has; elsewhere the tests that need it are skipped by <see cref="RootFactAttribute"/>.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    public TmpfsMount(string options)
    {
        Path = Directory.CreateTempSubdirectory("tsm-tmpfs-").FullName;
        Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Remount(string options) => Run("mount", "-o", "remount," + options, Path);

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path);
    }

    private static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed: {error}");
        }
    }
}
