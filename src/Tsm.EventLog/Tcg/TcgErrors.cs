using System.Globalization;
using System.Runtime.CompilerServices;

namespace Tsm.EventLog.Tcg;

/// <summary>Failure messages specific to TCG logs, out of line like <see cref="EventLogErrors"/>.</summary>
internal static class TcgErrors
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string UnknownAlgorithm(ushort algorithm) =>
        string.Create(CultureInfo.InvariantCulture, $"digest algorithm 0x{algorithm:x4} is not one of the Spec ID event's algorithms");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string BadDigestSize(ushort algorithm, ushort size, int known) => known != 0
        ? string.Create(CultureInfo.InvariantCulture, $"algorithm 0x{algorithm:x4} has {known}-byte digests, but the Spec ID event says {size}")
        : string.Create(CultureInfo.InvariantCulture, $"algorithm 0x{algorithm:x4} has a digest size of {size}; expected 1..{TcgLogParser.MaxDigestSize}");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string DuplicateAlgorithm(ushort algorithm) =>
        string.Create(CultureInfo.InvariantCulture, $"algorithm 0x{algorithm:x4} appears twice in the Spec ID event");
}
