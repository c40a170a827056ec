using System.Formats.Cbor;
using Tsm.Attestation.Cca;
using Tsm.Attestation.Configfs;
using Tsm.Attestation.Tests.Cca;

namespace Tsm.Attestation.Tests.Configfs;

/// <summary>The models the tests run on: one per provider, each with an instance already made.</summary>
internal static class ConfigfsModels
{
    public static EmulatedConfigfsTsm Tdx(EmulatedBackend backend) => WithInstance(new EmulatedTdxGuest(backend));

    public static EmulatedConfigfsTsm Sev(EmulatedBackend backend, uint vmpl = 0, byte[]? certificates = null, byte[]? manifest = null) =>
        WithInstance(new EmulatedSevGuest(backend, vmpl, certificates, manifest));

    public static EmulatedConfigfsTsm Cca() => WithInstance(new EmulatedCcaGuest(CcaToken));

    /// <summary>A signed CCA token (test keys) whose realm challenge is <paramref name="challenge"/>.</summary>
    public static byte[] CcaToken(ReadOnlyMemory<byte> challenge) =>
        CcaTokenWriter.Token(
            CcaTokenFormat.Cmw907,
            ClaimMapWriter.Platform().Encode(),
            ClaimMapWriter.Realm().Replace(10, (CborWriter w) => w.WriteByteString(challenge.Span)).Encode());

    private static EmulatedConfigfsTsm WithInstance(IEvidenceProvider provider)
    {
        var model = new EmulatedConfigfsTsm(provider);
        Assert.Equal(0, model.CreateInstance(ConfigfsFiles.Instance));
        return model;
    }
}
