using System;

namespace Tsm.EventLog;

/// <summary>Lowercase hex, the form every digest and register value is printed in (<c>Convert.ToHexStringLower</c> arrived after .NET 8).</summary>
internal static class LowerHex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
