using System;
using System.Collections.Generic;

namespace Tsm;

/// <summary>
/// How the emulator derives a live register's value from other registers whenever it refreshes the group's cache:
/// <c>H(value(Sources[0]) || value(Sources[1]) || ...)</c>. The kernel sample's <c>report_digest</c> is
/// SHA-512 over <c>static_mr</c>, <c>config_mr</c>, <c>rtmr0</c> and <c>rtmr1</c>.
/// </summary>
public sealed class RefreshRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="hash">The hash over the concatenated source values; its digest size must equal the register size.</param>
    /// <param name="sources">The source registers (name, <c>name:hash</c> or file name), in concatenation order.</param>
    /// <exception cref="ArgumentException"><paramref name="hash"/> is <see cref="MeasurementHash.None"/> or there are no sources.</exception>
    public RefreshRule(MeasurementHash hash, IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (hash == MeasurementHash.None || !Enum.IsDefined(hash))
        {
            throw new ArgumentException($"A refresh rule needs a hash algorithm, not {hash}.", nameof(hash));
        }

        if (sources.Count == 0)
        {
            throw new ArgumentException("A refresh rule needs at least one source register.", nameof(sources));
        }

        var copy = new string[sources.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = sources[i] ?? throw new ArgumentException($"Source {i} of the refresh rule is null.", nameof(sources));
        }

        Hash = hash;
        Sources = Array.AsReadOnly(copy);
    }

    /// <summary>The hash over the concatenated source values.</summary>
    public MeasurementHash Hash { get; }

    /// <summary>The source registers, in concatenation order.</summary>
    public IReadOnlyList<string> Sources { get; }
}
