using System.Diagnostics;
using System.Globalization;

namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>
/// Runs a parser over every truncation of every sample (the parser must accept exactly the prefixes at least as long as
/// the sample's parsed length) and over seeded random mutations. Each random case depends only on its case seed, which a
/// failure message names, so <c>TSM_FUZZ_CASE=&lt;case seed&gt;</c> replays it alone.
/// </summary>
internal sealed class FuzzRunner(FuzzTarget target, FuzzSettings settings)
{
    public FuzzResult Run()
    {
        var result = new FuzzResult(target.Name);
        var clock = Stopwatch.StartNew();
        if (settings.ReplayCase is int replay)
        {
            RunRandomCase(replay, result);
        }
        else
        {
            foreach (FuzzSample sample in target.Samples)
            {
                for (int length = 0; length <= sample.Bytes.Length; length++)
                {
                    RunTruncation(sample, length, result);
                }
            }

            for (int index = 0; index < settings.RandomCases; index++)
            {
                RunRandomCase(CaseSeed(settings.Seed, target.Name, index), result);
            }
        }

        result.Elapsed = clock.Elapsed;
        return result;
    }

    /// <summary>A stable (not per-process) mix of the run seed, the parser and the case index.</summary>
    public static int CaseSeed(int seed, string parser, int index)
    {
        ulong x = 14695981039346656037UL;
        foreach (char c in parser)
        {
            x = (x ^ c) * 1099511628211UL;
        }

        x ^= ((ulong)(uint)seed << 32) | (uint)index;
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return (int)(x ^ (x >> 31));
    }

    private void RunTruncation(FuzzSample sample, int length, FuzzResult result)
    {
        result.TruncationCases++;
        bool expected = length >= sample.AcceptedFrom;
        try
        {
            bool accepted = target.Check(sample.Bytes.AsSpan(0, length), sample.Version);
            result.Accepted += accepted ? 1 : 0;
            if (accepted != expected)
            {
                result.Fail($"{target.Name}: {sample.Name} truncated to {length} bytes was {(accepted ? "accepted" : "rejected")}; expected the opposite.");
            }
        }
        catch (Exception e)
        {
            result.Fail($"{target.Name}: {sample.Name} truncated to {length} bytes: {Describe(e)}");
        }
    }

    private void RunRandomCase(int caseSeed, FuzzResult result)
    {
        result.RandomCases++;
        var rng = new Random(caseSeed);
        FuzzSample sample = target.Samples[rng.Next(target.Samples.Count)];
        (byte[] bytes, long version, string mutation) = Mutator.Mutate(sample, target.TakesVersion, rng);
        try
        {
            result.Accepted += target.Check(bytes, version) ? 1 : 0;
        }
        catch (Exception e)
        {
            result.Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"{target.Name}: case seed {caseSeed} (replay with TSM_FUZZ_CASE={caseSeed}; run seed {settings.Seed}), sample {sample.Name}, {mutation}: {Describe(e)}"));
        }
    }

    private static string Describe(Exception e) => $"{e.GetType().FullName}: {e.Message}{Environment.NewLine}{e.StackTrace}";
}
