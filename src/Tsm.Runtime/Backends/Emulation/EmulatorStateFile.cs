using System;
using System.Collections.Generic;
using System.IO;

namespace Tsm;

/// <summary>
/// The state file of a <see cref="FileEmulatedBackend"/> and its transactions. Each transaction holds an
/// <see cref="AdvisoryFileLock"/> on <c>&lt;file&gt;.lock</c>, loads the file (a missing one is a machine with no device
/// used yet), runs the operation and, when the state changed, replaces the file atomically before the lock is
/// released: the new content goes to <c>&lt;file&gt;.tmp</c> (written only under the lock, so one name is enough), which
/// is fsynced, renamed over the file (<c>rename(2)</c> replaces the name atomically) and made durable by fsyncing the
/// directory. A process killed at any instant leaves the old or the new state, and the kernel drops its lock.
/// </summary>
internal sealed class EmulatorStateFile
{
    /// <summary>How long a transaction waits for another holder of the lock before it gives up.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

    // The state files whose lock this thread holds: a transaction started inside another on the same file would wait
    // for its own lock (each acquisition is a new file description, so flock(2) makes it wait) until the timeout.
    [ThreadStatic]
    private static HashSet<string>? t_held;

    private readonly MeasurementHash _selectedHash;

    public EmulatorStateFile(string path, MeasurementHash selectedHash)
    {
        Path = System.IO.Path.GetFullPath(path);
        _selectedHash = selectedHash;
    }

    /// <summary>The state file's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// Runs <paramref name="operation"/> on the machine's state as one transaction. The state is saved when it changed,
    /// also when the operation throws (a consumed fault or a failed refresh is a change), and the exception then propagates.
    /// </summary>
    /// <exception cref="EmulatorStateException">The file cannot be read, parsed or replaced.</exception>
    /// <exception cref="ArgumentException">The file was created with another <see cref="EmulatorOptions.SelectedHash"/>.</exception>
    /// <exception cref="TsmException">Another process held the lock for a minute (ETIMEDOUT).</exception>
    /// <exception cref="InvalidOperationException">The operation of a transaction on the same file started this one.</exception>
    public T Transact<T>(Func<EmulatorState, T> operation)
    {
        t_held ??= new HashSet<string>(StringComparer.Ordinal);
        if (!t_held.Add(Path))
        {
            throw new InvalidOperationException(
                $"A transaction on the emulator state file '{Path}' is already running on this thread; inside FileEmulatedBackend.Edit, use the EmulatedDevice it passes instead of a session or another Edit.");
        }

        try
        {
            return Locked(operation);
        }
        finally
        {
            t_held.Remove(Path);
        }
    }

    private T Locked<T>(Func<EmulatorState, T> operation)
    {
        using AdvisoryFileLock held = Lock();
        byte[]? content = Load();
        EmulatorState state = content is null ? EmulatorState.Fresh(_selectedHash) : EmulatorStateFormat.Parse(content, Path);
        state.CheckSelectedHash(_selectedHash, Path);

        // Compared in the canonical form, so a file written by hand in another layout is left alone until the state changes.
        byte[]? before = content is null ? null : EmulatorStateFormat.Serialize(state);
        try
        {
            return operation(state);
        }
        finally
        {
            byte[] after = EmulatorStateFormat.Serialize(state);
            if (before is null || !after.AsSpan().SequenceEqual(before))
            {
                Replace(after);
            }
        }
    }

    private AdvisoryFileLock Lock()
    {
        try
        {
            return AdvisoryFileLock.Acquire(Path + ".lock", LockTimeout);
        }
        catch (TimeoutException error)
        {
            throw new TsmException(
                $"{error.Message} The emulator state file '{Path}' is used by a process that does not finish; stop it or use another state file.",
                errno: LinuxErrno.ETIMEDOUT,
                path: Path + ".lock",
                innerException: error);
        }
        catch (IOException error)
        {
            throw new EmulatorStateException(Path, offset: null, $"its lock file cannot be used ({error.Message})", error);
        }
    }

    private byte[]? Load()
    {
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            long size = stream.Length;
            if (size > EmulatorStateFormat.MaxBytes)
            {
                throw TooLarge(size);
            }

            // Read one byte more than the file had, so a file that grows while it is read is refused too.
            byte[] buffer = new byte[(int)size + 1];
            int length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            if (length > size)
            {
                throw TooLarge(length);
            }

            return buffer[..length];
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorStateException(Path, offset: null, $"it cannot be read ({error.Message})", error);
        }
    }

    private EmulatorStateException TooLarge(long length) =>
        new(Path, EmulatorStateFormat.MaxBytes, $"it has {length} bytes, more than any state file ({EmulatorStateFormat.MaxBytes}); it is not a Tsm emulator state file");

    private void Replace(byte[] content)
    {
        string temporary = Path + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
            DurableDirectory.Sync(System.IO.Path.GetDirectoryName(Path)!);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorStateException(Path, offset: null, $"it cannot be replaced ({error.Message})", error);
        }
    }
}
