using Microsoft.CodeAnalysis;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>
/// TSM1002: bytes whose size or digest algorithm is known at compile time and cannot be what the register takes,
/// through the <c>ReadOnlySpan&lt;byte&gt;</c> overloads (typed, by name, by index) and through raw file writes.
/// </summary>
public sealed class WrongDigestTests
{
    private const string Id = "TSM1002";

    [Fact]
    public async Task A_digest_of_another_algorithm_is_reported_typed_and_by_name()
    {
        await Verify("""
            tdx.Rtmr3.Extend({|TSM1002:SHA256.HashData(x)|});
            tdx.Register("rtmr3").Extend({|TSM1002:SHA512.HashData(x)|});
            tdx.Register("rtmr2:sha384").Extend({|TSM1002:SHA1.HashData(x)|});
            tdx.Rtmr(1).Extend({|TSM1002:MD5.HashData(x)|});
            tpm.Sha256.Pcr7.Extend({|TSM1002:SHA384.HashData(x)|});
            tpm.Register("pcr23:sha1").Extend({|TSM1002:SHA256.HashData(x)|});
            sample.RtmrCryptoAgileSha256.Extend({|TSM1002:SHA384.HashData(x)|});
            """);
    }

    [Fact]
    public async Task A_digest_of_the_right_size_but_another_algorithm_is_reported()
    {
        await Verify("""
            tdx.Rtmr3.Extend({|TSM1002:SHA3_384.HashData(x)|});
            tdx.Rtmr3.Extend({|TSM1002:Sha3_384Digest.Compute(x).Bytes|});
            tpm.Sha256.Pcr16.Extend({|TSM1002:Sm3Digest.Compute(x).ToArray()|});
            """);
    }

    [Fact]
    public async Task Arrays_literals_and_collections_of_the_wrong_size_are_reported()
    {
        await Verify("""
            tdx.Rtmr3.Extend({|TSM1002:new byte[32]|});
            tdx.Rtmr3.Extend({|TSM1002:new byte[] { 1, 2, 3 }|});
            tdx.Rtmr3.Extend({|TSM1002:"47 bytes? no: a UTF-8 literal of 29"u8|});
            tdx.Rtmr3.Extend({|TSM1002:[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47]|});
            tdx.Rtmr3.Extend({|TSM1002:stackalloc byte[64]|});
            tdx.Rtmr3.Extend({|TSM1002:Convert.FromHexString("00112233")|});
            """);
    }

    [Fact]
    public async Task Digests_held_in_locals_and_incremental_hashes_are_reported()
    {
        await Verify("""
            byte[] digest = SHA256.HashData(x);
            tdx.Rtmr3.Extend({|TSM1002:digest|});
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
            hash.AppendData(x);
            tdx.Register("rtmr0").Extend({|TSM1002:hash.GetHashAndReset()|});
            using SHA1 sha1 = SHA1.Create();
            tdx.Rtmr3.Extend({|TSM1002:sha1.ComputeHash(x)|});
            """);
    }

    [Fact]
    public async Task Hash_choice_registers_accept_any_of_their_choices_and_nothing_else()
    {
        await Verify("""
            cca.Rem0.Extend(SHA256.HashData(x));
            cca.Rem1.Extend(SHA384.HashData(x));
            cca.Rem(2).Extend(SHA512.HashData(x));
            cca.Rem3.Extend({|TSM1002:SHA1.HashData(x)|});
            cca.Register("rem0").Extend({|TSM1002:new byte[20]|});
            """);
    }

    [Fact]
    public async Task Raw_file_writes_of_the_wrong_size_or_of_text_are_reported()
    {
        await Verify("""
            {|TSM1005:File.WriteAllBytes("/sys/class/misc/tdx_guest/measurements/rtmr3:sha384", {|TSM1002:SHA256.HashData(x)|})|};
            {|TSM1002:File.WriteAllText("/sys/class/misc/tdx_guest/measurements/rtmr3:sha384", Convert.ToHexString(SHA384.HashData(x)))|};
            {|TSM1005:File.WriteAllBytes("/sys/class/misc/arm_cca_guest/measurements/rem0:sha256", {|TSM1002:SHA512.HashData(x)|})|};
            """);
    }

    [Fact]
    public async Task Matching_and_unknown_sizes_are_not_reported()
    {
        await Verify("""
            tdx.Rtmr3.Extend(Sha384Digest.Compute(x));
            tdx.Rtmr3.Extend(SHA384.HashData(x));
            tdx.Rtmr3.Extend(new byte[48]);
            tdx.Rtmr3.Extend(Sha384Digest.Compute(x).ToArray());
            tdx.Register("rtmr3:sha384").Extend(SHA384.HashData(x));
            tpm.Sha256.Pcr(23).Extend(SHA256.HashData(x));
            tpm.Sha1.Pcr23.Extend(SHA1.HashData(x));
            sample.Rtmr1.Extend(SHA384.HashData(x));
            tdx.Rtmr3.Extend(x);
            tdx.Rtmr3.Extend(new byte[x.Length]);
            byte[] reassigned = SHA256.HashData(x);
            reassigned = SHA384.HashData(x);
            tdx.Rtmr3.Extend(reassigned);
            tdx.Rtmr3.Extend(x.AsSpan(0, 48));
            """);
    }

    [Fact]
    public async Task The_message_names_what_the_register_takes_and_what_it_got()
    {
        (_, IReadOnlyList<Diagnostic> diagnostics) = await UsageTesting.AnalyzeAsync(OutputKind.DynamicallyLinkedLibrary, UsageTesting.InMethod("""
            tdx.Rtmr3.Extend(SHA256.HashData(x));
            cca.Rem0.Extend(new byte[20]);
            """));

        Assert.Equal(new[] { Id, Id }, diagnostics.Select(static d => d.Id));
        Assert.Equal(
            "rtmr3 of Intel TDX takes a SHA-384 digest (48 bytes), but SHA256.HashData(...) is a SHA-256 digest (32 bytes)",
            diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            "rem0 of Arm CCA takes a SHA-256, SHA-384 or SHA-512 digest (32, 48 or 64 bytes, the platform's choice), but new byte[20] is 20 bytes",
            diagnostics[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Task Verify(string statements) => new UsageAnalyzerTest(UsageTesting.InMethod(statements)).RunAsync();
}
