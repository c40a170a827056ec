using System.Collections.Generic;
using System.Linq;

namespace Tsm.EventLog.Verification;

/// <summary>The verdicts on every register bank the evidence states.</summary>
public sealed class LogVerification
{
    internal LogVerification(IReadOnlyList<RegisterVerdict> verdicts, bool allowPrefix)
    {
        Verdicts = verdicts;
        AllowPrefix = allowPrefix;
    }

    /// <summary>One verdict per stated register bank, in the evidence's order.</summary>
    public IReadOnlyList<RegisterVerdict> Verdicts { get; }

    /// <summary>Whether a prefix match counts as verified.</summary>
    public bool AllowPrefix { get; }

    /// <summary>Whether every register the logs cover matches (a prefix match only with <see cref="AllowPrefix"/>) and no event's data disagrees with its digest.</summary>
    public bool IsVerified => Verdicts.All(v => v.IsVerified(AllowPrefix));
}
