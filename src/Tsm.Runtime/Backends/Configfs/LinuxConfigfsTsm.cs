using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace Tsm;

/// <summary>
/// The configfs-tsm report protocol through the kernel: each method is one libc call on the report directory, repeated
/// on EINTR like the rest of the runtime (<see cref="InterruptedCalls"/>), except <c>close</c>, which Linux never
/// restarts (the descriptor is gone even when it reports EINTR).
/// </summary>
public sealed unsafe class LinuxConfigfsTsm : IConfigfsTsm
{
    /// <summary>Where configfs-tsm puts report instances (<c>Documentation/ABI/testing/configfs-tsm-report</c>).</summary>
    public const string DefaultRoot = "/sys/kernel/config/tsm/report";

    // 0755, the mode configfs gives every item directory whatever mkdir asks for (fs/configfs/dir.c
    // configfs_create_dir); who may write an attribute is decided by the attribute files' own modes.
    private const uint InstanceMode = 0x1ED;

    /// <summary>Uses the report directory at <paramref name="root"/>; the default is the kernel's.</summary>
    /// <param name="root">The report directory; tests pass a temporary directory.</param>
    public LinuxConfigfsTsm(string root = DefaultRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = root.TrimEnd('/');
    }

    /// <inheritdoc/>
    public string Root { get; }

    /// <inheritdoc/>
    public int CreateInstance(string instance)
    {
        byte[] path = NativePath(instance, attribute: null);
        fixed (byte* p = path)
        {
            int result;
            int attempts = 0;
            do
            {
                result = LibC.MkDir(p, InstanceMode);
            }
            while (Interrupted(result) && ++attempts < InterruptedCalls.MaxAttempts);

            return Result(result);
        }
    }

    /// <inheritdoc/>
    public int RemoveInstance(string instance)
    {
        byte[] path = NativePath(instance, attribute: null);
        fixed (byte* p = path)
        {
            int result;
            int attempts = 0;
            do
            {
                result = LibC.RmDir(p);
            }
            while (Interrupted(result) && ++attempts < InterruptedCalls.MaxAttempts);

            return Result(result);
        }
    }

    /// <inheritdoc/>
    public int Open(string instance, string attribute, ConfigfsAccess access)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        int flags = access switch
        {
            ConfigfsAccess.Read => LibC.O_RDONLY,
            ConfigfsAccess.Write => LibC.O_WRONLY,
            ConfigfsAccess.ReadWrite => LibC.O_RDWR,
            _ => throw new ArgumentOutOfRangeException(nameof(access), access, "Read, Write or ReadWrite."),
        };
        byte[] path = NativePath(instance, attribute);
        fixed (byte* p = path)
        {
            int result;
            int attempts = 0;
            do
            {
                result = LibC.Open(p, flags | LibC.O_CLOEXEC);
            }
            while (Interrupted(result) && ++attempts < InterruptedCalls.MaxAttempts);

            return Result(result);
        }
    }

    /// <inheritdoc/>
    public int Read(int handle, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            nint result;
            int attempts = 0;
            do
            {
                result = LibC.Read(handle, p, (nuint)buffer.Length);
            }
            while (Interrupted(result) && ++attempts < InterruptedCalls.MaxAttempts);

            return Result(result);
        }
    }

    /// <inheritdoc/>
    public int Write(int handle, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            nint result;
            int attempts = 0;
            do
            {
                result = LibC.Write(handle, p, (nuint)data.Length);
            }
            while (Interrupted(result) && ++attempts < InterruptedCalls.MaxAttempts);

            return Result(result);
        }
    }

    /// <inheritdoc/>
    public int Close(int handle) => LibC.Close(handle) < 0 ? -Marshal.GetLastPInvokeError() : 0;

    private static bool Interrupted(nint result) => result < 0 && Marshal.GetLastPInvokeError() == LinuxErrno.EINTR;

    // Reads and writes are bounded by the caller's buffer, at most 32 KiB, so the count fits an int.
    private static int Result(nint result) => result < 0 ? -Marshal.GetLastPInvokeError() : (int)result;

    private byte[] NativePath(string instance, string? attribute)
    {
        // One path component each: a name with a slash would reach outside the instance.
        ArgumentException.ThrowIfNullOrEmpty(instance);
        if (instance.Contains('/') || attribute?.Contains('/') == true)
        {
            throw new ArgumentException("Instance and attribute names are single path components.", attribute is null ? nameof(instance) : nameof(attribute));
        }

        string path = attribute is null ? Path.Combine(Root, instance) : Path.Combine(Root, instance, attribute);
        byte[] native = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, native);
        return native;
    }
}
