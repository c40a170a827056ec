using System;

namespace Tsm.Attestation.Verification;

/// <summary>One named check of a verification: its outcome and a reason a person can act on.</summary>
public sealed class VerificationCheck
{
    /// <summary>Creates a check result.</summary>
    /// <param name="name">The stable identifier of the check, e.g. <see cref="TdQuoteChecks.QuoteSignature"/>.</param>
    /// <param name="outcome">Whether the check passed, failed or could not run.</param>
    /// <param name="reason">What was checked and, when it did not pass, what was wrong.</param>
    public VerificationCheck(string name, VerificationOutcome outcome, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(reason);
        Name = name;
        Outcome = outcome;
        Reason = reason;
    }

    /// <summary>The stable identifier of the check (constants in <see cref="TdQuoteChecks"/> and <see cref="SnpReportChecks"/>).</summary>
    public string Name { get; }

    /// <summary>Whether the check passed, failed or could not run.</summary>
    public VerificationOutcome Outcome { get; }

    /// <summary>What was checked and, when it did not pass, what was wrong.</summary>
    public string Reason { get; }

    /// <summary>Whether <see cref="Outcome"/> is <see cref="VerificationOutcome.Passed"/>.</summary>
    public bool Passed => Outcome == VerificationOutcome.Passed;

    /// <summary>One line: outcome, name and reason, e.g. <c>[FAIL] quote-signature: ...</c>.</summary>
    public override string ToString() => $"[{OutcomeLabel(Outcome)}] {Name}: {Reason}";

    private static string OutcomeLabel(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Passed => "PASS",
        VerificationOutcome.Failed => "FAIL",
        _ => "NOT CHECKED",
    };
}
