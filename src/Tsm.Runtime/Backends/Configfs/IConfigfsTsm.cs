using System;

namespace Tsm;

/// <summary>
/// The system calls of the configfs-tsm report protocol (<c>/sys/kernel/config/tsm/report</c>), one method per call,
/// each returning what the call returns or <c>-errno</c>. configfs gives attributes their meaning at <c>open</c>,
/// <c>write</c>, <c>read</c> and <c>close</c> (<c>fs/configfs/file.c</c>: a binary attribute is stored at close, a
/// report is made at the first read), so a plain directory cannot stand in for it; this interface is the seam between
/// the typed API and either the kernel (<see cref="LinuxConfigfsTsm"/>) or an in-process model of it.
/// </summary>
public interface IConfigfsTsm
{
    /// <summary>The report directory, e.g. <c>/sys/kernel/config/tsm/report</c>, for messages and paths.</summary>
    string Root { get; }

    /// <summary><c>mkdir</c> of the report instance <paramref name="instance"/>.</summary>
    /// <returns>0, or <c>-errno</c> (ENXIO when no provider is registered, EEXIST when the name is taken).</returns>
    int CreateInstance(string instance);

    /// <summary><c>rmdir</c> of the report instance <paramref name="instance"/>.</summary>
    /// <returns>0, or <c>-errno</c>.</returns>
    int RemoveInstance(string instance);

    /// <summary><c>open</c> of <paramref name="attribute"/> in <paramref name="instance"/>.</summary>
    /// <returns>A handle for <see cref="Read"/>, <see cref="Write"/> and <see cref="Close"/>, or <c>-errno</c> (ENOENT for an attribute the provider hides).</returns>
    int Open(string instance, string attribute, ConfigfsAccess access);

    /// <summary><c>read</c> into <paramref name="buffer"/> at the handle's file position.</summary>
    /// <returns>The number of bytes read (0 at the end), or <c>-errno</c>.</returns>
    int Read(int handle, Span<byte> buffer);

    /// <summary><c>write</c> of <paramref name="data"/> at the handle's file position.</summary>
    /// <returns>The number of bytes accepted, or <c>-errno</c>.</returns>
    int Write(int handle, ReadOnlySpan<byte> data);

    /// <summary><c>close</c> of the handle; where a binary attribute is stored, and whose result configfs ignores.</summary>
    /// <returns>0, or <c>-errno</c>.</returns>
    int Close(int handle);
}
