using System;

namespace Tsm;

/// <summary>A register's kernel flags; the values are the kernel's <c>TSM_MR_F_*</c> constants.</summary>
[Flags]
public enum RegisterFlags
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary><c>TSM_MR_F_NOHASH</c>: the value is opaque (no hash algorithm) and the file name has no <c>:hash</c> suffix.</summary>
    NoHash = 1,

    /// <summary><c>TSM_MR_F_WRITABLE</c>: the file is writable (mode 0200), and a write extends the register.</summary>
    Extendable = 2,

    /// <summary><c>TSM_MR_F_READABLE</c>: the file is readable (mode 0444).</summary>
    Readable = 4,

    /// <summary>
    /// <c>TSM_MR_F_LIVE</c>: the value can change without a write through this file. Reading it refreshes the group's
    /// cached values from the hardware when the cache is stale (after any successful write to the group); it is not
    /// re-read on every read (<c>drivers/virt/coco/guest/tsm-mr.c</c> <c>tm_digest_read</c>).
    /// </summary>
    Live = 8,
}
