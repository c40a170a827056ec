using System;
using Tsm.Attestation.Verification;

namespace Tsm.Cli.Output;

/// <summary>How <c>tsm verify</c> writes a <see cref="VerificationOutcome"/>.</summary>
internal static class OutcomeNames
{
    /// <summary>For JSON: <c>passed</c>, <c>failed</c>, <c>not-checked</c>.</summary>
    public static string Name(this VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Passed => "passed",
        VerificationOutcome.Failed => "failed",
        VerificationOutcome.NotChecked => "not-checked",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>For the table: <c>pass</c>, <c>FAIL</c>, <c>not checked</c>.</summary>
    public static string Label(this VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Passed => "pass",
        VerificationOutcome.Failed => "FAIL",
        VerificationOutcome.NotChecked => "not checked",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
