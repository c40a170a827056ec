using System.IO;
using System.Linq;
using Tsm.Attestation.Verification;

namespace Tsm.Cli.Output;

/// <summary><c>tsm verify</c> for people: a verdict line, then one line per check (outcome, name, reason).</summary>
internal static class VerificationTableWriter
{
    public static void Write(string fileName, VerificationResult result, TextWriter output)
    {
        int passed = result.Checks.Count(check => check.Passed);
        output.WriteLine($"{fileName}: {result.Evidence}: {(result.IsVerified ? "verified" : "NOT verified")} ({passed} of {result.Checks.Count} checks passed)");
        int labelWidth = result.Checks.Max(check => check.Outcome.Label().Length) + 2;
        int nameWidth = result.Checks.Max(check => check.Name.Length) + 2;
        foreach (VerificationCheck check in result.Checks)
        {
            output.WriteLine(check.Outcome.Label().PadRight(labelWidth) + check.Name.PadRight(nameWidth) + check.Reason);
        }
    }
}
