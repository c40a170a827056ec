using System;

namespace Tsm.EventLog.Aael;

/// <summary>The two kinds of AAEL line, built and checked as the attestation agent's grammar requires (for <see cref="AaelWriter"/> and the measurement log).</summary>
internal static class AaelLine
{
    public static string Init(MeasurementHash hash, ReadOnlySpan<byte> value) => $"INIT {MeasurementHashInfo.KernelName(hash)}/{LowerHex.Of(value)}";

    /// <exception cref="ArgumentException">A part is empty, holds a space (domain, operation) or is not printable ASCII.</exception>
    public static string Event(string domain, string operation, string content)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(content);
        Check(domain, nameof(domain), allowSpaces: false);
        Check(operation, nameof(operation), allowSpaces: false);
        Check(content, nameof(content), allowSpaces: true);
        if (domain == "INIT")
        {
            throw new ArgumentException("The domain 'INIT' would make the entry read as a second INIT line.", nameof(domain));
        }

        return $"{domain} {operation} {content}";
    }

    private static void Check(string part, string name, bool allowSpaces)
    {
        if (!allowSpaces && part.Length == 0)
        {
            throw new ArgumentException($"The {name} of an AAEL entry is not empty.", name);
        }

        int bad = part.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        if (bad >= 0)
        {
            throw new ArgumentException($"The {name} of an AAEL entry is printable ASCII; character {bad} is U+{(int)part[bad]:X4}.", name);
        }

        if (!allowSpaces && part.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {name} of an AAEL entry has no spaces.", name);
        }
    }
}
