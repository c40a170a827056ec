using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text;

namespace Tsm.Attestation.Verification;

/// <summary>
/// The outcome of verifying one piece of evidence: every check that was made, in order, each with a reason.
/// Verifiers return this instead of throwing, so a bad quote or report is a result, not an exception.
/// </summary>
public sealed class VerificationResult
{
    /// <summary>Creates a result from its checks.</summary>
    /// <param name="evidence">What was verified, for display, e.g. "TD quote v4".</param>
    /// <param name="checks">The checks in the order they were made; at least one.</param>
    public VerificationResult(string evidence, IEnumerable<VerificationCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(checks);
        VerificationCheck[] copy = checks.ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException("A verification result needs at least one check.", nameof(checks));
        }

        if (copy.Any(c => c is null))
        {
            throw new ArgumentException("A verification result cannot hold a null check.", nameof(checks));
        }

        Evidence = evidence;
        Checks = new ReadOnlyCollection<VerificationCheck>(copy);
    }

    /// <summary>What was verified, for display, e.g. "TD quote v4" or "SEV-SNP report v2".</summary>
    public string Evidence { get; }

    /// <summary>Every check, in the order the verifier made them.</summary>
    public IReadOnlyList<VerificationCheck> Checks { get; }

    /// <summary>True only when every check passed; a check that failed or could not run makes the evidence unverified.</summary>
    public bool IsVerified => Checks.All(c => c.Passed);

    /// <summary>The checks that did not pass (failed or not checked), in order.</summary>
    public IEnumerable<VerificationCheck> Failures => Checks.Where(c => !c.Passed);

    /// <summary>The check named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">This result has no such check.</exception>
    public VerificationCheck this[string name] =>
        TryGetCheck(name, out VerificationCheck? check) ? check : throw new KeyNotFoundException($"This result has no check named '{name}'.");

    /// <summary>Finds the check named <paramref name="name"/>; false when this result has none (for example an optional check that was not requested).</summary>
    public bool TryGetCheck(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out VerificationCheck? check)
    {
        check = Checks.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        return check is not null;
    }

    /// <summary>A summary line, then one line per check.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        int passed = Checks.Count(c => c.Passed);
        text.Append(Evidence).Append(": ").Append(IsVerified ? "verified" : "NOT verified")
            .Append(" (").Append(passed).Append(" of ").Append(Checks.Count).Append(" checks passed)");
        foreach (VerificationCheck check in Checks)
        {
            text.AppendLine().Append("  ").Append(check);
        }

        return text.ToString();
    }
}
