namespace Tsm.Attestation.Verification;

/// <summary>What became of one check of a verification.</summary>
public enum VerificationOutcome
{
    /// <summary>The check ran and the evidence satisfied it.</summary>
    Passed,

    /// <summary>The check ran and the evidence did not satisfy it; the reason says why.</summary>
    Failed,

    /// <summary>
    /// The check could not run because something it needs is missing or unreadable (for example the quote did not parse);
    /// the reason names the check that failed first. Counts as not verified.
    /// </summary>
    NotChecked,
}
