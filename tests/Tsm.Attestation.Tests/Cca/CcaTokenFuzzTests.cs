using System.Diagnostics;
using System.Globalization;
using Tsm.Attestation.Cca;
using Tsm.Attestation.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Tsm.Attestation.Tests.Cca;

/// <summary>
/// The real tokens, mutated: truncated at every length, bits flipped, bytes overwritten, inserted and removed, and their
/// claim maps mutated on their own. Whatever the input, <see cref="CcaToken.Parse"/> and the generated claim parsers
/// either return or throw <see cref="ReportFormatException"/> (with an offset inside the input), never anything else;
/// <c>TryParse</c> never throws and agrees with <c>Parse</c>; a parsed token can be read completely. Bounded by default;
/// <c>TSM_FUZZ_SOAK=1</c> runs every single-bit flip of every token plus 100,000 random mutations (<c>TSM_FUZZ_SEED</c>
/// changes the seed).
/// </summary>
public sealed class CcaTokenFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20261127;
    private const int MaxFailuresShown = 5;

    private static readonly bool Soak = Environment.GetEnvironmentVariable("TSM_FUZZ_SOAK") == "1";

    private static readonly int Seed =
        int.TryParse(Environment.GetEnvironmentVariable("TSM_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed) ? seed : DefaultSeed;

    [SampleDataFact]
    public void A_real_token_cut_at_any_length_is_rejected_with_a_format_exception_only()
    {
        var run = new FuzzRun();
        foreach ((string file, byte[] token) in Tokens())
        {
            for (int length = 0; length < token.Length; length++)
            {
                run.Check(token.AsMemory(0, length), $"{file} cut to {length} bytes", mustReject: true);
            }
        }

        Report(run);
    }

    [SampleDataFact]
    public void Flipping_bits_of_a_real_token_gives_a_token_or_a_format_exception_only()
    {
        var run = new FuzzRun();
        var random = new Random(Seed);
        foreach ((string file, byte[] token) in Tokens())
        {
            // Soak: every bit. Bounded: a sample, different for every seed.
            IEnumerable<int> bits = Soak ? Enumerable.Range(0, token.Length * 8) : Enumerable.Range(0, 400).Select(_ => random.Next(token.Length * 8));
            foreach (int bit in bits)
            {
                byte[] mutated = (byte[])token.Clone();
                mutated[bit / 8] ^= (byte)(1 << (bit % 8));
                run.Check(mutated, $"{file} with bit {bit} flipped", mustReject: false);
            }
        }

        Report(run);
    }

    [SampleDataFact]
    public void Random_edits_of_a_real_token_give_a_token_or_a_format_exception_only()
    {
        var run = new FuzzRun();
        List<(string File, byte[] Token)> tokens = Tokens();
        int cases = Soak ? 100_000 : 2_000;
        for (int i = 0; i < cases; i++)
        {
            // One seed per case (not HashCode, which is salted per process), so a failure names a case that reproduces alone.
            int caseSeed = unchecked((Seed * 31) + i);
            var random = new Random(caseSeed);
            (string file, byte[] token) = tokens[random.Next(tokens.Count)];
            run.Check(Mutate(token, random), $"{file} edited with case seed {caseSeed}", mustReject: false);
        }

        Report(run);
    }

    [SampleDataFact]
    public void Random_edits_of_real_claim_maps_give_claims_or_a_format_exception_only()
    {
        var run = new FuzzRun();
        List<(string File, byte[] Token)> tokens = Tokens();
        int cases = Soak ? 20_000 : 1_000;
        for (int i = 0; i < cases; i++)
        {
            int caseSeed = unchecked((Seed * 37) + i);
            var random = new Random(caseSeed);
            (string file, byte[] token) = tokens[random.Next(tokens.Count)];
            CcaToken parsed = CcaToken.Parse(token);
            bool realm = random.Next(2) == 0;
            byte[] map = (realm ? parsed.RealmMessage : parsed.PlatformMessage).Content!.Value.ToArray();
            run.CheckClaims(Mutate(map, random), realm, $"{(realm ? "realm" : "platform")} claims of {file} edited with case seed {caseSeed}");
        }

        Report(run);
    }

    [Fact]
    public void Random_bytes_behind_a_valid_token_tag_are_rejected_with_a_format_exception_only()
    {
        var run = new FuzzRun();
        var random = new Random(Seed);
        for (int i = 0; i < (Soak ? 20_000 : 1_000); i++)
        {
            byte[] bytes = new byte[random.Next(1, 64)];
            random.NextBytes(bytes);
            byte[] tagged = [0xD9, 0x03, 0x8B, .. bytes];
            run.Check(tagged, "tag 907 + " + Convert.ToHexStringLower(bytes), mustReject: false);
            run.CheckClaims(bytes, realm: i % 2 == 0, "claims " + Convert.ToHexStringLower(bytes));
        }

        Report(run);
    }

    private static List<(string File, byte[] Token)> Tokens() =>
        SampleData.Files(CcaSamples.Folder).Select(file => (file, SampleData.Read(file))).ToList();

    /// <summary>One to four edits: overwrite, flip, insert or delete bytes, or cut the tail, at random places.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        List<byte> bytes = [.. original];
        for (int edits = random.Next(1, 5); edits > 0 && bytes.Count > 0; edits--)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 9), bytes.Count - at));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    private void Report(FuzzRun run)
    {
        output.WriteLine($"{run.Cases} cases ({run.Accepted} accepted) in {run.Elapsed.TotalSeconds:F1} s, seed {Seed}{(Soak ? ", soak" : string.Empty)}");
        Assert.True(run.Failures.Count == 0, $"{run.FailureCount} of {run.Cases} cases failed, the first ones:\n" + string.Join("\n", run.Failures));
    }

    /// <summary>Counts cases and keeps the first failures; a failure is any behaviour but a result or a well-placed ReportFormatException.</summary>
    private sealed class FuzzRun
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public int Cases { get; private set; }

        public int Accepted { get; private set; }

        public int FailureCount { get; private set; }

        public List<string> Failures { get; } = [];

        public TimeSpan Elapsed => _clock.Elapsed;

        public void Check(ReadOnlyMemory<byte> input, string description, bool mustReject) =>
            Run(input, description, mustReject, () =>
            {
                CcaToken token = CcaToken.Parse(input);
                ReadCompletely(token.Realm);
                ReadCompletely(token.Platform);
                _ = token.RealmMeasurements?.Rems.Count;
                return true;
            }, () => CcaToken.TryParse(input, out _));

        public void CheckClaims(ReadOnlyMemory<byte> input, bool realm, string description) =>
            Run(input, description, mustReject: false, () =>
            {
                if (realm)
                {
                    ReadCompletely(CcaRealmClaims.Parse(input));
                }
                else
                {
                    ReadCompletely(CcaPlatformClaims.Parse(input));
                }

                return true;
            }, () => realm ? CcaRealmClaims.TryParse(input, out _) : CcaPlatformClaims.TryParse(input, out _));

        private static void ReadCompletely(CcaRealmClaims claims) => claims.VisitFields(new ClaimRecorder());

        private static void ReadCompletely(CcaPlatformClaims claims) => claims.VisitFields(new ClaimRecorder());

        private void Run(ReadOnlyMemory<byte> input, string description, bool mustReject, Func<bool> parse, Func<bool> tryParse)
        {
            Cases++;
            string? problem;
            bool parsed = false;
            try
            {
                parsed = parse();
                problem = mustReject ? "was accepted" : null;
            }
            catch (ReportFormatException e)
            {
                problem = e.Offset < 0 || e.Offset > input.Length ? $"threw ReportFormatException at offset {e.Offset}, outside the {input.Length}-byte input" : null;
            }
            catch (Exception e)
            {
                problem = "threw " + e.GetType().Name + ": " + e.Message;
            }

            try
            {
                if (problem is null && tryParse() != parsed)
                {
                    problem = $"TryParse returned {!parsed}, Parse {(parsed ? "succeeded" : "threw")}";
                }
            }
            catch (Exception e)
            {
                problem = "TryParse threw " + e.GetType().Name + ": " + e.Message;
            }

            Accepted += parsed ? 1 : 0;
            if (problem is not null && ++FailureCount <= MaxFailuresShown)
            {
                Failures.Add($"{description}: {problem}");
            }
        }
    }
}
