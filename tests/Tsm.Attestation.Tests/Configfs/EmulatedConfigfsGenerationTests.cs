using Tsm.Attestation.Configfs;

namespace Tsm.Attestation.Tests.Configfs;

/// <summary>
/// The model's <c>generation</c> moves as <c>drivers/virt/coco/guest/report.c</c> moves <c>write_generation</c>: once per
/// successful store, with the odd cases kept (a failed privlevel store does not count, a failed service_guid store does,
/// an inblob counts at close).
/// </summary>
public sealed class EmulatedConfigfsGenerationTests
{
    private readonly EmulatedConfigfsTsm _cca = ConfigfsModels.Cca();

    [Fact]
    public void A_new_instance_is_at_generation_0_shown_as_lu_and_a_newline() =>
        Assert.Equal("0\n", _cca.Show(TsmReportAttributes.Generation));

    [Fact]
    public void Every_successful_store_advances_the_generation_by_one()
    {
        Assert.Equal(1, _cca.Store(TsmReportAttributes.Privlevel, "1"));
        Assert.Equal(4, _cca.Store(TsmReportAttributes.ServiceProvider, "svsm"));
        Assert.Equal(36, _cca.Store(TsmReportAttributes.ServiceGuid, "c476f1eb-0123-45a5-9641-b4e7dde5bfe3"));
        Assert.Equal(1, _cca.Store(TsmReportAttributes.ServiceManifestVersion, "0"));
        Assert.Equal(64, _cca.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce));

        Assert.Equal(5UL, _cca.Generation());
    }

    [Theory]
    [InlineData("4", -LinuxErrno.EINVAL)]
    [InlineData("one", -LinuxErrno.EINVAL)]
    [InlineData("-1", -LinuxErrno.EINVAL)]
    [InlineData("4294967296", -LinuxErrno.ERANGE)]
    public void A_privlevel_that_fails_to_parse_or_is_out_of_range_leaves_the_generation_alone(string text, int result)
    {
        Assert.Equal(result, _cca.Store(TsmReportAttributes.Privlevel, text));

        Assert.Equal(0UL, _cca.Generation());
    }

    [Fact]
    public void A_bad_service_guid_still_advances_the_generation_and_clears_the_previous_guid()
    {
        var seen = new List<EvidenceRequest>();
        var model = new EmulatedConfigfsTsm(new RecordingProvider(seen));
        Assert.Equal(0, model.CreateInstance(ConfigfsFiles.Instance));
        model.Store(TsmReportAttributes.ServiceGuid, "c476f1eb-0123-45a5-9641-b4e7dde5bfe3");

        Assert.Equal(-LinuxErrno.EINVAL, model.Store(TsmReportAttributes.ServiceGuid, "not-a-guid"));
        model.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);
        model.Outblob();

        Assert.Equal(3UL, model.Generation());
        Assert.Equal(Guid.Empty, Assert.Single(seen).ServiceGuid);
    }

    [Fact]
    public void An_inblob_advances_the_generation_at_close_not_at_write()
    {
        int handle = ConfigfsFiles.Open(_cca, ConfigfsFiles.Instance, TsmReportAttributes.Inblob, ConfigfsAccess.Write);
        Assert.Equal(32, _cca.Write(handle, ConfigfsFiles.Nonce[..32]));
        Assert.Equal(32, _cca.Write(handle, ConfigfsFiles.Nonce[32..]));

        Assert.Equal(0UL, _cca.Generation());
        Assert.Equal(0, _cca.Close(handle));
        Assert.Equal(1UL, _cca.Generation());
    }

    [Fact]
    public void Reading_blobs_does_not_advance_the_generation()
    {
        _cca.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);

        _cca.Outblob();
        _cca.ReadAll(TsmReportAttributes.Auxblob);

        Assert.Equal(1UL, _cca.Generation());
    }

    /// <summary>A provider that records the requests it is given.</summary>
    private sealed class RecordingProvider(List<EvidenceRequest> seen) : IEvidenceProvider
    {
        public string Name => "recording";

        public uint PrivlevelFloor => 0;

        public bool IsVisible(string attribute) => true;

        public EvidenceResult Generate(EvidenceRequest request)
        {
            seen.Add(request);
            return EvidenceResult.Success(new byte[] { 1 });
        }
    }
}
