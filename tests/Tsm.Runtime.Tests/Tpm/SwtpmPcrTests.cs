using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Tpm;

using Tpm = Tsm.Vendors.Tpm;

/// <summary>
/// PCRs read, extended and reset through the generated <c>Tpm</c> class on a real swtpm, every value cross-checked with
/// tpm2-tools on the same swtpm and against H(old ‖ digest) computed here.
/// </summary>
public sealed class SwtpmPcrTests(SwtpmFixture swtpm) : IClassFixture<SwtpmFixture>
{
    public static TheoryData<string> Banks => new() { "sha1", "sha256", "sha384" };

    [SwtpmFact]
    public void Opening_reads_the_allocated_banks_from_the_tpm()
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri));

        Assert.Equal([MeasurementHash.Sha1, MeasurementHash.Sha256, MeasurementHash.Sha384], Session(tpm).AllocatedBanks);
        Assert.Equal(swtpm.Uri, tpm.Session.Location);
    }

    [SwtpmTheory]
    [MemberData(nameof(Banks))]
    public void An_extend_through_tsm_is_what_tpm2_pcrread_then_reads(string bank)
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri));
        IMeasurementRegister pcr = tpm.Register($"pcr16:{bank}");
        byte[] old = swtpm.PcrRead(bank, 16);
        byte[] digest = Reference.Hash(Algorithm(bank), "extended by Tsm"u8.ToArray());

        pcr.Extend(digest);

        Assert.Equal(Reference.Extend(Algorithm(bank), old, digest), swtpm.PcrRead(bank, 16));
    }

    [SwtpmTheory]
    [MemberData(nameof(Banks))]
    public void An_extend_by_tpm2_pcrextend_is_what_tsm_then_reads(string bank)
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri));
        IMeasurementRegister pcr = tpm.Register($"pcr23:{bank}");
        byte[] old = pcr.ReadBytes();
        byte[] digest = Reference.Hash(Algorithm(bank), "extended by tpm2-tools"u8.ToArray());

        swtpm.Tool("tpm2_pcrextend", $"23:{bank}={Convert.ToHexStringLower(digest)}");

        Assert.Equal(Reference.Extend(Algorithm(bank), old, digest), pcr.ReadBytes());
    }

    [SwtpmFact]
    public void The_typed_sha256_bank_takes_a_sha256_digest_and_reads_one_back()
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri));
        Sha256Digest old = tpm.Sha256.Pcr(16).Read();
        Sha256Digest digest = Sha256Digest.Compute("typed"u8);

        tpm.Sha256.Pcr(16).Extend(digest);

        byte[] expected = Reference.Extend(HashAlgorithmName.SHA256, old.Bytes.ToArray(), digest.Bytes.ToArray());
        Assert.Equal(expected, tpm.Sha256.Pcr(16).Read().Bytes.ToArray());
        Assert.Equal(expected, swtpm.PcrRead("sha256", 16));
    }

    [SwtpmFact]
    public void An_event_is_hashed_per_bank_and_extends_every_bank_at_once()
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri));
        byte[] eventData = "one event, three banks"u8.ToArray();
        byte[][] old = [swtpm.PcrRead("sha1", 23), swtpm.PcrRead("sha256", 23), swtpm.PcrRead("sha384", 23)];

        AgileDigest[] digests = Session(tpm).ExtendEvent(23, eventData);

        Assert.Equal([MeasurementHash.Sha1, MeasurementHash.Sha256, MeasurementHash.Sha384], digests.Select(d => d.Algorithm));
        Assert.Equal(SHA384.HashData(eventData), digests[2].Bytes.ToArray());
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA1, old[0], SHA1.HashData(eventData)), swtpm.PcrRead("sha1", 23));
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA256, old[1], SHA256.HashData(eventData)), swtpm.PcrRead("sha256", 23));
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA384, old[2], SHA384.HashData(eventData)), swtpm.PcrRead("sha384", 23));
    }

    [SwtpmFact]
    public void Per_bank_digests_must_cover_every_allocated_bank()
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri));
        byte[] before = swtpm.PcrRead("sha256", 23);

        var error = Assert.Throws<ArgumentException>(() => Session(tpm).ExtendDigests(23, [AgileDigest.Compute(MeasurementHash.Sha256, "x"u8)]));

        Assert.Contains("sha1, sha384 is missing", error.Message);
        Assert.Equal(before, swtpm.PcrRead("sha256", 23));
    }

    [SwtpmTheory]
    [MemberData(nameof(Banks))]
    public void All_24_pcrs_of_a_bank_read_in_batches_match_tpm2_pcrread(string bank)
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri));
        MeasurementHash hash = Hash(bank);
        int size = MeasurementHashInfo.DigestSize(hash);
        int[] pcrs = [23, .. Enumerable.Range(0, 23)];
        byte[] values = new byte[pcrs.Length * size];

        Session(tpm).ReadPcrs(hash, pcrs, values);

        Assert.Equal(swtpm.PcrRead(bank, 23), values[..size]);
        for (int i = 1; i < pcrs.Length; i++)
        {
            Assert.Equal(swtpm.PcrRead(bank, pcrs[i]), values.AsSpan(i * size, size).ToArray());
        }
    }

    [SwtpmFact]
    public void Pcr17_starts_as_all_ones_and_pcr0_as_zeros()
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri));

        Assert.All(tpm.Sha384.Pcr17.Read().Bytes.ToArray(), b => Assert.Equal(0xFF, b));
        Assert.All(swtpm.PcrRead("sha1", 17), b => Assert.Equal(0xFF, b));
        Assert.All(tpm.Sha256.Pcr0.Read().Bytes.ToArray(), b => Assert.Equal(0, b));
    }

    [SwtpmTheory]
    [InlineData(16)]
    [InlineData(23)]
    public void Resetting_pcr_16_or_23_brings_every_bank_back_to_zeros(int pcr)
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri));
        Session(tpm).ExtendEvent(pcr, "before the reset"u8);
        Assert.NotEqual(new byte[32], swtpm.PcrRead("sha256", pcr));

        Session(tpm).Reset(pcr);

        Assert.Equal(new byte[20], swtpm.PcrRead("sha1", pcr));
        Assert.Equal(new byte[32], tpm.Sha256.Pcr(pcr).Read().Bytes.ToArray());
        Assert.Equal(new byte[48], swtpm.PcrRead("sha384", pcr));
    }

    [SwtpmTheory]
    [InlineData(17)]
    [InlineData(22)]
    public void Extending_a_drtm_pcr_from_locality_0_is_a_locality_error_that_says_what_to_do(int pcr)
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri));
        byte[] before = swtpm.PcrRead("sha256", pcr);

        var error = Assert.Throws<TpmResponseException>(() => tpm.Sha256.Pcr(pcr).Extend(Sha256Digest.Compute("drtm"u8)));

        Assert.Equal("TPM_RC_LOCALITY", error.ResponseCode.Name);
        Assert.True(error.ResponseCode.IsWarning);
        Assert.Equal(TpmCommand.PcrExtend, error.Command);
        Assert.Contains($"TPM2_PCR_Extend for PCR {pcr}", error.Message);
        Assert.Contains("locality", error.Message);
        Assert.Contains("TpmOptions { Locality = 2 }", error.Message);
        Assert.Contains("PCR 16 or 23", error.Message);
        Assert.Equal(before, swtpm.PcrRead("sha256", pcr));
    }

    [SwtpmFact]
    public void Resetting_a_pcr_that_is_never_resettable_is_a_locality_error()
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri));

        var error = Assert.Throws<TpmResponseException>(() => Session(tpm).Reset(7));

        Assert.Equal(0x907u, error.ResponseCode.Value);
        Assert.Contains("PCRs 0-15 are never resettable", error.Message);
    }

    [SwtpmFact]
    public void The_unallocated_sha512_bank_opens_but_its_registers_refuse_before_any_command()
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri));

        var read = Assert.Throws<TpmBankNotAllocatedException>(() => tpm.Sha512.Pcr(16).Read());
        var extend = Assert.Throws<TpmBankNotAllocatedException>(() => tpm.Sha512.Pcr16.Extend(Sha512Digest.Compute("x"u8)));

        Assert.Equal(MeasurementHash.Sha512, read.Bank);
        Assert.Equal([MeasurementHash.Sha1, MeasurementHash.Sha256, MeasurementHash.Sha384], read.AllocatedBanks);
        Assert.Contains("'pcr16:sha512' is in the sha512 bank", read.Message);
        Assert.Contains("allocated banks: sha1, sha256, sha384", read.Message);
        Assert.Equal("pcr16:sha512", extend.RegisterName);
    }

    [SwtpmFact]
    public void GetRandom_returns_exactly_the_requested_bytes_across_several_commands()
    {
        using TpmSession session = TsmBackend.Tpm(swtpm.Uri).OpenSession(Tpm.Definition);
        byte[] first = new byte[1000];
        byte[] second = new byte[1000];

        session.GetRandom(first);
        session.GetRandom(second);

        Assert.NotEqual(first, second);
        Assert.True(first.Distinct().Count() > 200, "1000 random bytes should take most of the 256 values");
    }

    [SwtpmFact]
    public void A_kept_connection_serves_many_commands_and_is_released_at_dispose()
    {
        using (Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri, new TpmOptions { KeepConnection = true })))
        {
            for (int i = 0; i < 20; i++)
            {
                tpm.Sha256.Pcr(16).Extend(Sha256Digest.Compute("kept"u8));
            }
        }

        Assert.Equal(32, swtpm.PcrRead("sha256", 16).Length);
    }

    [SwtpmFact]
    public void Over_a_kept_connection_extend_and_read_allocate_nothing_per_command()
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri, new TpmOptions { KeepConnection = true }));
        Sha256Digest digest = Sha256Digest.Compute("hot path"u8);
        tpm.Sha256.Pcr16.Extend(digest);
        digest = tpm.Sha256.Pcr16.Read();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            tpm.Sha256.Pcr16.Extend(digest);
            digest = tpm.Sha256.Pcr16.Read();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static TpmSession Session(Tpm tpm) => Assert.IsType<TpmSession>(tpm.Session);

    private static HashAlgorithmName Algorithm(string bank) => bank switch
    {
        "sha1" => HashAlgorithmName.SHA1,
        "sha256" => HashAlgorithmName.SHA256,
        _ => HashAlgorithmName.SHA384,
    };

    private static MeasurementHash Hash(string bank) => MeasurementHashInfo.TryParseKernelName(bank, out MeasurementHash hash) ? hash : MeasurementHash.None;
}
