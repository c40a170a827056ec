using Tsm.Attestation.Configfs;

namespace Tsm.Attestation.Tests.Configfs;

/// <summary>
/// <see cref="ConfigfsReport"/> on the model: evidence of each provider as its parsed type, every instance removed
/// afterwards, the inblob checked before anything is written, errnos as typed exceptions, and another writer of the
/// instance detected by the generation.
/// </summary>
public sealed class ConfigfsReportTests
{
    private readonly EmulatedBackend _backend = TsmBackend.Emulated();

    [Fact]
    public void Tdx_evidence_is_a_td_quote_with_the_nonce_and_the_current_rtmrs()
    {
        var model = new EmulatedConfigfsTsm(new EmulatedTdxGuest(_backend));
        using Tdx tdx = Tdx.Open(_backend);
        tdx.Rtmr3.Extend(Sha384Digest.Compute("application"u8));

        ConfigfsEvidence evidence = new ConfigfsReport(model).Request(ConfigfsFiles.Nonce);

        Assert.Equal(TsmReportProviders.Tdx, evidence.Provider);
        Assert.Equal(1UL, evidence.Generation);
        Assert.True(evidence.Quote.Body.Rtmr3 == tdx.Rtmr3.Read());
        Assert.Equal(ConfigfsFiles.Nonce, evidence.Quote.Body.ReportData.ToArray());
        Assert.True(evidence.Auxblob.IsEmpty);
        Assert.Empty(model.Instances);
        Assert.Equal(0, model.OpenHandles);
    }

    [Fact]
    public void Sev_evidence_is_an_snp_report_at_the_requested_vmpl_with_the_certificate_table()
    {
        byte[] certificates = [.. Enumerable.Repeat((byte)0xCE, 200)];
        var model = new EmulatedConfigfsTsm(new EmulatedSevGuest(_backend, certificates: certificates));

        ConfigfsEvidence evidence = new ConfigfsReport(model).Request(ConfigfsFiles.Nonce, new ConfigfsReportOptions { Privlevel = 2 });

        Assert.Equal(2u, evidence.SnpReport.Vmpl);
        Assert.Equal(ConfigfsFiles.Nonce, evidence.SnpReport.ReportData.ToArray());
        Assert.Equal(certificates, evidence.Certificates.ToArray());
        Assert.Equal(2UL, evidence.Generation);
    }

    [Fact]
    public void Sev_under_an_svsm_returns_the_service_manifest()
    {
        byte[] manifest = [1, 2, 3];
        var model = new EmulatedConfigfsTsm(new EmulatedSevGuest(_backend, vmpl: 1, serviceManifest: manifest));
        var options = new ConfigfsReportOptions
        {
            Privlevel = 1,
            ServiceProvider = "svsm",
            ServiceGuid = Guid.Parse("c476f1eb-0123-45a5-9641-b4e7dde5bfe3"),
            ServiceManifestVersion = 0,
        };

        ConfigfsEvidence evidence = new ConfigfsReport(model).Request(ConfigfsFiles.Nonce, options);

        Assert.Equal(manifest, evidence.Manifestblob.ToArray());
        Assert.Equal(5UL, evidence.Generation);
    }

    [Fact]
    public void Cca_evidence_is_a_token_whose_challenge_is_the_zero_padded_inblob()
    {
        var model = new EmulatedConfigfsTsm(new EmulatedCcaGuest(ConfigfsModels.CcaToken));

        ConfigfsEvidence evidence = new ConfigfsReport(model).Request(ConfigfsFiles.Nonce[..48]);

        Assert.Equal([.. ConfigfsFiles.Nonce[..48], .. new byte[16]], evidence.CcaToken.Realm.Challenge.ToArray());
        Assert.Throws<InvalidOperationException>(() => evidence.Quote.Version);
    }

    [Theory]
    [InlineData(TsmReportProviders.Tdx, 32, "exactly 64 bytes")]
    [InlineData(TsmReportProviders.Sev, 65, "exactly 64 bytes")]
    [InlineData(TsmReportProviders.Cca, 31, "32 to 64 bytes")]
    public void An_inblob_the_provider_rejects_fails_before_anything_is_written(string provider, int length, string rule)
    {
        var observed = new ObservedConfigfsTsm(Model(provider));

        var error = Assert.Throws<ConfigfsInvalidRequestException>(() => new ConfigfsReport(observed).Request(new byte[length]));

        Assert.Contains($"provider '{provider}' takes {rule}", error.Message);
        Assert.Equal(TsmReportAttributes.Inblob, error.Attribute);
        Assert.DoesNotContain(observed.Calls, call => call.StartsWith("write", StringComparison.Ordinal));
        Assert.StartsWith("rmdir", observed.Calls[^1]);
    }

    [Fact]
    public void An_option_the_provider_does_not_show_is_a_typed_error_naming_both()
    {
        var model = new EmulatedConfigfsTsm(new EmulatedTdxGuest(_backend));

        var error = Assert.Throws<ConfigfsAttributeNotSupportedException>(
            () => new ConfigfsReport(model).Request(ConfigfsFiles.Nonce, new ConfigfsReportOptions { Privlevel = 0 }));

        Assert.Equal(TsmReportAttributes.Privlevel, error.Attribute);
        Assert.Equal(TsmReportProviders.Tdx, error.Provider);
        Assert.Contains("does not show 'privlevel'", error.Message);
        Assert.Empty(model.Instances);
    }

    [Fact]
    public void No_provider_is_ConfigfsProviderUnavailableException_from_mkdir()
    {
        var error = Assert.Throws<ConfigfsProviderUnavailableException>(() => new ConfigfsReport(new EmulatedConfigfsTsm(provider: null)).Request(ConfigfsFiles.Nonce));

        Assert.Equal(LinuxErrno.ENXIO, error.Errno);
        Assert.Null(error.Attribute);
    }

    public static TheoryData<int, Type> ProviderErrnos => new()
    {
        { LinuxErrno.EBUSY, typeof(ConfigfsBusyException) },
        { LinuxErrno.ETIMEDOUT, typeof(ConfigfsTimeoutException) },
        { LinuxErrno.EINTR, typeof(ConfigfsInterruptedException) },
        { LinuxErrno.ENOMEM, typeof(ConfigfsOutOfMemoryException) },
        { LinuxErrno.ENXIO, typeof(ConfigfsProviderUnavailableException) },
        { LinuxErrno.EINVAL, typeof(ConfigfsInvalidRequestException) },
        { LinuxErrno.EIO, typeof(ConfigfsReportException) },
    };

    [Theory]
    [MemberData(nameof(ProviderErrnos))]
    public void A_provider_errno_becomes_its_typed_exception_and_the_instance_is_removed(int errno, Type type)
    {
        var model = new EmulatedConfigfsTsm(new EmulatedTdxGuest(_backend));
        model.FailNextReport(errno);

        var error = Assert.IsAssignableFrom<ConfigfsReportException>(Record.Exception(() => new ConfigfsReport(model).Request(ConfigfsFiles.Nonce)));

        Assert.Equal(type, error.GetType());
        Assert.Equal(errno, error.Errno);
        Assert.Equal(TsmReportAttributes.Outblob, error.Attribute);
        Assert.Contains(LinuxErrno.Describe(errno), error.Message);
        Assert.Empty(model.Instances);
        Assert.Equal(0, model.OpenHandles);
    }

    [Fact]
    public void A_report_over_32_KiB_is_ConfigfsBlobTooLargeException()
    {
        var model = new EmulatedConfigfsTsm(new EmulatedCcaGuest(_ => new byte[TsmReportAttributes.OutblobMax + 1]));

        var error = Assert.Throws<ConfigfsBlobTooLargeException>(() => new ConfigfsReport(model).Request(ConfigfsFiles.Nonce));

        Assert.Equal(LinuxErrno.EFBIG, error.Errno);
    }

    [Fact]
    public void Another_writer_between_the_store_and_the_read_is_detected_and_the_request_repeated()
    {
        var observed = new ObservedConfigfsTsm(new EmulatedConfigfsTsm(new EmulatedTdxGuest(_backend))) { Interferences = 2 };

        ConfigfsEvidence evidence = new ConfigfsReport(observed).Request(ConfigfsFiles.Nonce);

        Assert.Equal(ConfigfsFiles.Nonce, evidence.Quote.Body.ReportData.ToArray());
        Assert.Equal(3, observed.Calls.Count(call => call == "write inblob"));
        Assert.Equal(5UL, evidence.Generation);
    }

    [Fact]
    public void A_writer_that_interferes_on_every_attempt_is_ConfigfsGenerationRaceException()
    {
        var model = new EmulatedConfigfsTsm(new EmulatedTdxGuest(_backend));
        var observed = new ObservedConfigfsTsm(model) { Interferences = int.MaxValue };

        var error = Assert.Throws<ConfigfsGenerationRaceException>(() => new ConfigfsReport(observed, maxAttempts: 3).Request(ConfigfsFiles.Nonce));

        Assert.Contains("on each of 3 attempts", error.Message);
        Assert.Equal(3, observed.Calls.Count(call => call == "write inblob"));
        Assert.Empty(model.Instances);
    }

    private EmulatedConfigfsTsm Model(string provider) => provider switch
    {
        TsmReportProviders.Tdx => new EmulatedConfigfsTsm(new EmulatedTdxGuest(_backend)),
        TsmReportProviders.Sev => new EmulatedConfigfsTsm(new EmulatedSevGuest(_backend)),
        _ => new EmulatedConfigfsTsm(new EmulatedCcaGuest(ConfigfsModels.CcaToken)),
    };
}
