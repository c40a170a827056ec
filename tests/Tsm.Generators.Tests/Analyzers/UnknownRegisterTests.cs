using Microsoft.CodeAnalysis;
using Tsm.Generators.Analyzers;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>TSM1003: constant register names that the runtime would reject, and constant indexes outside an array.</summary>
public sealed class UnknownRegisterTests
{
    private const string Id = "TSM1003";

    [Fact]
    public async Task Unknown_and_ambiguous_names_are_reported()
    {
        await Verify("""
            tdx.Register({|TSM1003:"rtmr4"|});
            tdx.Register({|TSM1003:"RTMR3"|});
            tdx.Register({|TSM1003:"mrtd:sha256"|});
            const string Name = "mrownr";
            tdx.Register({|TSM1003:Name|});
            tpm.Register({|TSM1003:"pcr7"|});
            sample.Register({|TSM1003:"rtmr_crypto_agile"|});
            cca.Register({|TSM1003:"rem0:sha1"|});
            Tdx.Definition.Find({|TSM1003:"rtmr_3"|});
            TsmMrSample.Definition.Find({|TSM1003:"static"|});
            """);
    }

    [Fact]
    public async Task Constant_indexes_outside_an_array_are_reported()
    {
        await Verify("""
            tdx.Rtmr({|TSM1003:4|});
            tdx.Rtmr({|TSM1003:-1|});
            tpm.Sha256.Pcr({|TSM1003:24|});
            cca.Rem({|TSM1003:4|});
            _ = tdx.Registers[{|TSM1003:8|}];
            """);
    }

    [Fact]
    public async Task Names_and_indexes_held_in_locals_assigned_once_are_followed_like_paths_and_sizes()
    {
        await Verify("""
            int i = 4;
            tdx.Rtmr({|TSM1003:i|});
            string n = "rtmr7";
            tdx.Register({|TSM1003:n|});
            string alias = n;
            tdx.Register({|TSM1003:alias|});
            var pcr = 24;
            tpm.Sha256.Pcr({|TSM1003:pcr|});
            int changed = 4;
            changed--;
            tdx.Rtmr(changed);
            string reassigned = "rtmr7";
            reassigned = "rtmr3";
            tdx.Register(reassigned);
            """);
    }

    [Fact]
    public async Task Valid_names_and_indexes_are_not_reported()
    {
        await Verify("""
            tdx.Register("rtmr3");
            tdx.Register("rtmr3:sha384");
            tdx.Register("mrconfigid");
            tpm.Register("pcr7:sha256");
            tpm.Register("pcr-sha256/7");
            cca.Register("rem0:sha512");
            cca.Register("rim");
            sample.Register("rtmr_crypto_agile:sha384");
            Tdx.Definition.Find("mrtd:sha384");
            tdx.Rtmr(3);
            tpm.Sha256.Pcr(23);
            tpm.Sha1.Pcr(0);
            _ = tdx.Registers[7];
            int i = x.Length;
            tdx.Rtmr(i);
            tdx.Register(Console.ReadLine()!);
            """);
    }

    [Fact]
    public async Task The_message_lists_the_closest_names_and_the_valid_range()
    {
        (_, IReadOnlyList<Diagnostic> diagnostics) = await UsageTesting.AnalyzeAsync(OutputKind.DynamicallyLinkedLibrary, UsageTesting.InMethod("""
            tdx.Register("rtmr4");
            tpm.Sha256.Pcr(24);
            tpm.Register("pcr7");
            """));

        Assert.Equal(new[] { Id, Id, Id }, diagnostics.Select(static d => d.Id));
        Assert.Equal(
            "Intel TDX has no register 'rtmr4' (rtmr0 to rtmr3 exist); closest: rtmr0, rtmr1, rtmr2, rtmr3; valid names: rtmr0..rtmr3, mrtd, mrconfigid, mrowner, mrownerconfig (a name:hash or a file name also works)",
            Message(diagnostics[0]));
        Assert.Equal(
            "Pcr(24) is out of range: the sha256 bank of TPM 2.0 has pcr0 to pcr23, so the index must be 0 to 23",
            Message(diagnostics[1]));
        Assert.Equal(
            "TPM 2.0 has several registers named 'pcr7', one per hash; say which: pcr7:sha1, pcr7:sha256, pcr7:sha384, pcr7:sha512",
            Message(diagnostics[2]));
        Assert.Equal("rtmr0|rtmr1|rtmr2|rtmr3", diagnostics[0].Properties["Suggestions"]);
    }

    [Fact]
    public void Levenshtein_distance_is_the_edit_distance()
    {
        Assert.Equal(0, NameSuggestions.Levenshtein("rtmr3", "rtmr3"));
        Assert.Equal(1, NameSuggestions.Levenshtein("rtmr4", "rtmr3"));
        Assert.Equal(1, NameSuggestions.Levenshtein("mrtdd", "mrtd"));
        Assert.Equal(3, NameSuggestions.Levenshtein("kitten", "sitting"));
        Assert.Equal(5, NameSuggestions.Levenshtein(string.Empty, "rtmr0"));
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    private static Task Verify(string statements) => new UsageAnalyzerTest(UsageTesting.InMethod(statements)).RunAsync();
}
