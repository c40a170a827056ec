using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>
/// Correct code must get no TSM diagnostic at all: the quickstart sample as it is on disk, the README's C# snippets,
/// and a corpus of correct usage covering every path the analyzers look at (typed and by-name extends, digests held
/// in locals, index methods, register files that are only read, views that are re-parsed after a write).
/// </summary>
public sealed class NoFalsePositiveTests
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>Correct usage, written to touch every check: each line is a near miss of some rule.</summary>
    private const string Corpus = """
        using System;
        using System.IO;
        using System.Security.Cryptography;
        using System.Text;
        using Tsm;
        using Tsm.Vendors;

        public static class CorrectUsage
        {
            private const string TdxDir = "/sys/class/misc/tdx_guest/measurements";

            public static void Extend(byte[] payload, Stream stream)
            {
                using var tdx = Tdx.Open(TsmBackend.Emulated());
                tdx.Rtmr3.Extend(Sha384Digest.Compute(payload));
                tdx.Rtmr3.Extend(SHA384.HashData(payload));
                tdx.Rtmr(2).Extend(Sha384Digest.Compute(payload).Bytes);
                tdx.Register("rtmr3:sha384").Extend(SHA384.HashData(payload));
                tdx.Register("rtmr1").Extend(new byte[48]);
                IMeasurementRegister byName = tdx.Register("rtmr0");
                byName.Extend(SHA384.HashData(payload));
                byte[] digest = SHA384.HashData(payload);
                tdx.Rtmr3.Extend(digest);
                using (var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA384))
                {
                    incremental.AppendData(payload);
                    tdx.Rtmr3.Extend(incremental.GetHashAndReset());
                }

                Sha384Digest mrtd = tdx.MrTd.Read();
                Opaque48 owner = tdx.MrOwner.Read();
                byte[] raw = tdx.Register("mrtd").ReadBytes();
                Console.WriteLine(mrtd.ToString() + owner.ToString() + raw.Length);
                foreach (IMeasurementRegister register in tdx.Registers)
                {
                    if (register.IsExtendable)
                    {
                        register.Extend(new byte[register.Size]);
                    }
                }

                using var tpm = Tpm.Open(TsmBackend.Emulated());
                tpm.Sha256.Pcr(23).Extend(Sha256Digest.Compute(payload));
                tpm.Sha256.Pcr23.Extend(SHA256.HashData(payload));
                tpm.Sha1.Pcr(16).Extend(SHA1.HashData(payload));
                tpm.Register("pcr23:sha512").Extend(SHA512.HashData(payload));
                tpm.Register("pcr-sha384/23").Extend(SHA384.HashData(payload));

                using var cca = ArmCca.Open(TsmBackend.Emulated());
                cca.Rem3.Extend(SHA256.HashData(payload));
                cca.Rem(0).Extend(SHA512.HashData(payload));
                cca.Register("rem1:sha384").Extend(SHA384.HashData(payload));
                AgileDigest rim = cca.Rim.Read();
                Console.WriteLine(rim.ToString());

                using var sample = TsmMrSample.Open(TsmBackend.Emulated());
                sample.Rtmr1.Extend(Sha384Digest.Compute(payload));
                sample.RtmrCryptoAgileSha256.Extend(Sha256Digest.Compute(payload));
                sample.Register("rtmr_crypto_agile:sha384").Extend(SHA384.HashData(payload));

                byte[] mrtdFile = File.ReadAllBytes(TdxDir + "/mrtd:sha384");
                byte[] rtmrFile = File.ReadAllBytes(Path.Combine(TdxDir, "rtmr3:sha384"));
                string pcr = File.ReadAllText("/sys/class/tpm/tpm0/pcr-sha256/7");
                using (FileStream read = File.Open(TdxDir + "/mrconfigid", FileMode.Open, FileAccess.Read)) { }
                using (FileStream read = new FileStream(TdxDir + "/mrowner", FileMode.Open, FileAccess.Read, FileShare.Read)) { }
                File.WriteAllBytes("/tmp/mrtd-copy.bin", mrtdFile);
                Console.WriteLine(rtmrFile.Length + pcr.Length);
            }

            public static void Reports(Stream stream)
            {
                byte[] buffer = new byte[TdReport.MinimumSize];
                stream.ReadExactly(buffer);
                TdReport report = TdReport.Parse(buffer);
                Sha384Digest rtmr3 = report.Rtmr3;
                ReadOnlySpan<byte> reportData = report.ReportData;
                Console.WriteLine(rtmr3.ToString() + reportData.Length);
                stream.ReadExactly(buffer);
                TdReport next = TdReport.Parse(buffer);
                Console.WriteLine(next.Rtmr3.ToString() + rtmr3.ToString());
                if (TdReport.TryParse(buffer, out TdReport again))
                {
                    Console.WriteLine(again.MrTd.ToString());
                }

                byte[] other = new byte[1024];
                stream.ReadExactly(other);
                Console.WriteLine(next.ReportType);
            }
        }
        """;

    [Fact]
    public async Task The_quickstart_sample_gets_no_diagnostic()
    {
        string directory = Path.Combine(RepositoryPaths.Root, "samples", "Tsm.Samples.Quickstart");
        string[] sources = Directory.GetFiles(directory, "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).Append(ImplicitUsings).ToArray();
        Assert.True(sources.Length > 1, "no sample sources found in " + directory);

        (IReadOnlyList<Diagnostic> errors, IReadOnlyList<Diagnostic> diagnostics) = await UsageTesting.AnalyzeAsync(OutputKind.ConsoleApplication, sources);

        Assert.Empty(errors);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task The_README_snippets_get_no_diagnostic()
    {
        List<string> snippets = ReadmeSnippets().ToList();
        Assert.NotEmpty(snippets);
        int compiled = 0;
        foreach (string snippet in snippets)
        {
            (IReadOnlyList<Diagnostic> errors, IReadOnlyList<Diagnostic> diagnostics) = await UsageTesting.AnalyzeAsync(OutputKind.DynamicallyLinkedLibrary, AsMethod(snippet));
            if (errors.Count > 0)
            {
                continue;
            }

            compiled++;
            Assert.Empty(diagnostics);
        }

        Assert.True(compiled > 0, "no README C# snippet compiles, so none was checked");
    }

    [Fact]
    public async Task A_corpus_of_correct_usage_gets_no_diagnostic()
    {
        (IReadOnlyList<Diagnostic> errors, IReadOnlyList<Diagnostic> diagnostics) = await UsageTesting.AnalyzeAsync(OutputKind.DynamicallyLinkedLibrary, Corpus);

        Assert.Empty(errors);
        Assert.Empty(diagnostics);
    }

    /// <summary>The README's <c>```csharp</c> blocks.</summary>
    private static IEnumerable<string> ReadmeSnippets()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        foreach (Match match in Regex.Matches(readme, @"```csharp\r?\n(.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant))
        {
            yield return match.Groups[1].Value;
        }
    }

    /// <summary>
    /// A snippet as a compilable file: its <c>using</c> lines at the top, the rest as the body of a method whose
    /// parameters are the inputs snippets use without declaring (<c>payload</c>, <c>buffer</c>, <c>data</c>).
    /// </summary>
    private static string AsMethod(string snippet)
    {
        string[] lines = snippet.Replace("\r\n", "\n").Split('\n');
        string usings = string.Join("\n", lines.Where(static l => l.StartsWith("using ", StringComparison.Ordinal) && !l.Contains('(') && !l.Contains(" var ")));
        string body = string.Join("\n", lines.Where(static l => !(l.StartsWith("using ", StringComparison.Ordinal) && !l.Contains('(') && !l.Contains(" var "))));
        return "using System;\n" + usings + "\npublic static class Snippet\n{\n    public static void Run(byte[] payload, byte[] buffer, byte[] data)\n    {\n" + body + "\n    }\n}\n";
    }
}
