using Tsm.Attestation.Cca;
using Tsm.Attestation.Configfs;

namespace Tsm.Attestation.Tests.Configfs;

/// <summary>
/// The model's providers reject what their drivers' <c>report_new</c> rejects, at the first blob read: TDX and SEV any
/// inblob but 64 bytes, SEV a service provider other than svsm, CCA an inblob outside 32..64 bytes.
/// </summary>
public sealed class EmulatedConfigfsProviderTests
{
    private readonly EmulatedBackend _backend = TsmBackend.Emulated();

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    public void Tdx_takes_only_a_64_byte_inblob(int length)
    {
        EmulatedConfigfsTsm tdx = ConfigfsModels.Tdx(_backend);
        tdx.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce[..length]);

        Assert.Equal(-LinuxErrno.EINVAL, tdx.ReadAll(TsmReportAttributes.Outblob).Result);
    }

    [Fact]
    public void Sev_takes_only_a_64_byte_inblob()
    {
        EmulatedConfigfsTsm sev = ConfigfsModels.Sev(_backend);
        sev.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce[..32]);

        Assert.Equal(-LinuxErrno.EINVAL, sev.ReadAll(TsmReportAttributes.Outblob).Result);
    }

    [Fact]
    public void Sev_accepts_any_service_provider_at_write_and_rejects_all_but_svsm_at_generation()
    {
        EmulatedConfigfsTsm sev = ConfigfsModels.Sev(_backend, vmpl: 1);
        sev.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);

        Assert.Equal(5, sev.Store(TsmReportAttributes.ServiceProvider, "other"));
        Assert.Equal(-LinuxErrno.EINVAL, sev.ReadAll(TsmReportAttributes.Outblob).Result);
        Assert.Equal(5, sev.Store(TsmReportAttributes.ServiceProvider, "svsm\n"));
        Assert.Equal(1184, sev.Outblob().Length);
    }

    [Theory]
    [InlineData(31, -LinuxErrno.EINVAL)]
    [InlineData(32, 0)]
    [InlineData(64, 0)]
    public void Cca_takes_32_to_64_bytes_and_pads_the_challenge_with_zeros(int length, int result)
    {
        EmulatedConfigfsTsm cca = ConfigfsModels.Cca();
        cca.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce[..length]);

        (int read, byte[] token) = cca.ReadAll(TsmReportAttributes.Outblob);

        Assert.Equal(result, Math.Min(read, 0));
        if (result == 0)
        {
            Assert.Equal([.. ConfigfsFiles.Nonce[..length], .. new byte[64 - length]], CcaToken.Parse(token).Realm.Challenge.ToArray());
        }
    }

    [Theory]
    [InlineData(LinuxErrno.EBUSY)]
    [InlineData(LinuxErrno.ETIMEDOUT)]
    [InlineData(LinuxErrno.EINTR)]
    [InlineData(LinuxErrno.ENOMEM)]
    public void A_failed_report_fails_the_read_and_the_next_read_tries_again(int errno)
    {
        EmulatedConfigfsTsm tdx = ConfigfsModels.Tdx(_backend);
        tdx.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);
        tdx.FailNextReport(errno);

        Assert.Equal(-errno, tdx.ReadAll(TsmReportAttributes.Outblob).Result);
        Assert.Equal(ConfigfsFiles.Nonce, TdQuote.Parse(tdx.Outblob()).Body.ReportData.ToArray());
    }

    [Fact]
    public void Only_errnos_a_provider_returns_can_be_injected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfigfsModels.Cca().FailNextReport(LinuxErrno.EFBIG));

    [Fact]
    public void The_tdx_quote_carries_the_registers_at_generation_time_and_parses_as_an_unsigned_v4_quote()
    {
        EmulatedConfigfsTsm tdx = ConfigfsModels.Tdx(_backend);
        using Tdx device = Tdx.Open(_backend);
        device.Rtmr2.Extend(Sha384Digest.Compute("initrd"u8));
        tdx.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);

        TdQuote quote = TdQuote.Parse(tdx.Outblob());

        Assert.Equal(4, quote.Version);
        Assert.True(quote.Body.Rtmr2 == device.Rtmr2.Read());
        Assert.True(quote.Body.MrTd == device.MrTd.Read());
        Assert.Equal(new byte[64], quote.SignatureData.Signature.ToArray());
    }
}
