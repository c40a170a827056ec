namespace Tsm.Attestation.Verification;

/// <summary>Shorthand for making <see cref="VerificationCheck"/> values in the verifiers.</summary>
internal static class Check
{
    public static VerificationCheck Pass(string name, string reason) => new(name, VerificationOutcome.Passed, reason);

    public static VerificationCheck Fail(string name, string reason) => new(name, VerificationOutcome.Failed, reason);

    public static VerificationCheck NotChecked(string name, string reason) => new(name, VerificationOutcome.NotChecked, reason);
}
