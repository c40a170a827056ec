using System;
using System.Diagnostics.CodeAnalysis;

namespace Tsm;

/// <summary>The lower-case names of <see cref="MeasurementRole"/> used in schemas, logs and on the command line.</summary>
public static class MeasurementRoleNames
{
    /// <summary>The name of <paramref name="role"/>: <c>firmware</c>, <c>boot</c>, <c>os</c> or <c>application</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined role.</exception>
    public static string Of(MeasurementRole role) => role switch
    {
        MeasurementRole.Firmware => "firmware",
        MeasurementRole.Boot => "boot",
        MeasurementRole.Os => "os",
        MeasurementRole.Application => "application",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a MeasurementRole."),
    };

    /// <summary>Parses a role name (exactly as <see cref="Of"/> writes it).</summary>
    public static bool TryParse(string? name, out MeasurementRole role)
    {
        foreach (MeasurementRole candidate in Enum.GetValues<MeasurementRole>())
        {
            if (string.Equals(name, Of(candidate), StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>Every role name, in enum order, for messages.</summary>
    [SuppressMessage("Performance", "CA1819", Justification = "A fresh copy each call.")]
    public static string[] All() => Array.ConvertAll(Enum.GetValues<MeasurementRole>(), Of);
}
