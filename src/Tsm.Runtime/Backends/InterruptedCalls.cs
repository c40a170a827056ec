namespace Tsm;

/// <summary>
/// How both backends treat EINTR. tsm-mr and the TDX driver return it only when taking a lock before the operation
/// (<c>down_read_interruptible</c> in <c>tm_digest_read</c>, <c>mutex_intr</c> in <c>tdx_do_extend</c> and
/// <c>tdx_do_report</c>), so nothing has happened yet and the call can be repeated without extending twice. A bound
/// keeps a signal storm from looping for ever; past it the EINTR reaches the caller.
/// </summary>
internal static class InterruptedCalls
{
    /// <summary>How many times one read or extend is attempted while it keeps failing with EINTR.</summary>
    public const int MaxAttempts = 16;
}
