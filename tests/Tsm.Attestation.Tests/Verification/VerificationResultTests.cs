using Tsm.Attestation.Verification;

namespace Tsm.Attestation.Tests.Verification;

/// <summary>The result shape both verifiers return.</summary>
public sealed class VerificationResultTests
{
    [Fact]
    public void Evidence_is_verified_only_when_every_check_passed()
    {
        var passed = new VerificationCheck("a", VerificationOutcome.Passed, "fine");

        Assert.True(new VerificationResult("x", [passed]).IsVerified);
        Assert.False(new VerificationResult("x", [passed, new VerificationCheck("b", VerificationOutcome.Failed, "bad")]).IsVerified);
        Assert.False(new VerificationResult("x", [passed, new VerificationCheck("b", VerificationOutcome.NotChecked, "skipped")]).IsVerified);
    }

    [Fact]
    public void Failures_lists_the_checks_that_did_not_pass_in_order()
    {
        var result = new VerificationResult("x",
        [
            new VerificationCheck("a", VerificationOutcome.Failed, "bad"),
            new VerificationCheck("b", VerificationOutcome.Passed, "fine"),
            new VerificationCheck("c", VerificationOutcome.NotChecked, "skipped"),
        ]);

        Assert.Equal(["a", "c"], result.Failures.Select(c => c.Name));
    }

    [Fact]
    public void Asking_for_a_check_the_result_does_not_have_throws_and_try_get_returns_false()
    {
        var result = new VerificationResult("x", [new VerificationCheck("a", VerificationOutcome.Passed, "fine")]);

        Assert.Throws<KeyNotFoundException>(() => result["b"]);
        Assert.False(result.TryGetCheck("b", out _));
        Assert.True(result.TryGetCheck("a", out VerificationCheck? a));
        Assert.Equal("fine", a.Reason);
    }

    [Fact]
    public void A_result_without_checks_cannot_be_made()
    {
        Assert.Throws<ArgumentException>(() => new VerificationResult("x", []));
    }

    [Fact]
    public void A_check_prints_its_outcome_name_and_reason_on_one_line()
    {
        Assert.Equal("[PASS] a: fine", new VerificationCheck("a", VerificationOutcome.Passed, "fine").ToString());
        Assert.Equal("[FAIL] a: bad", new VerificationCheck("a", VerificationOutcome.Failed, "bad").ToString());
        Assert.Equal("[NOT CHECKED] a: why", new VerificationCheck("a", VerificationOutcome.NotChecked, "why").ToString());
    }

    [Fact]
    public void Fingerprints_are_normalized_to_upper_case_hex_without_separators()
    {
        var options = TdQuoteVerifierOptions.Default.WithPinnedRoots(
            "44:a0:19:6b:2b:99:f8:89:b8:e1:49:e9:5b:80:7a:35:0e:74:24:96:43:99:e8:85:a7:cb:b8:cc:fa:b6:74:d3",
            TdQuoteVerifierOptions.IntelSgxRootCaFingerprint);

        Assert.Equal(TdQuoteVerifierOptions.IntelSgxRootCaFingerprint, Assert.Single(options.PinnedRootFingerprints));
    }
}
