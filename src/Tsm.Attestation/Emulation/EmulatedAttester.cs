using System;

namespace Tsm.Attestation.Emulation;

/// <summary>
/// Signed evidence from an emulator, without hardware: TD quotes v4, SEV-SNP reports and Arm CCA tokens over the
/// emulated devices' current register values, signed by keys and test certificate chains made when the attester is
/// created. The evidence verifies end to end with <see cref="Verification.TdQuoteVerifier"/>,
/// <see cref="Verification.SnpReportVerifier"/> and <see cref="Verification.CcaTokenVerifier"/> once the exported trust
/// anchors are pinned; with the production roots pinned it is rejected as a test chain. Nothing secret is stored anywhere:
/// the private keys live only as long as this object.
/// </summary>
/// <remarks>
/// Each call reads the registers afresh, so evidence made after an extend carries the new value. Thread-safe: calls are
/// serialized, because the signing keys are not safe to use from two threads at once.
/// </remarks>
public sealed class EmulatedAttester : IDisposable
{
    private readonly object _gate = new();
    private readonly EmulatedTdQuoteSigner _tdx = new();
    private readonly EmulatedSnpReportSigner _snp = new();
    private readonly EmulatedCcaTokenSigner _cca = new();

    /// <summary>Creates an attester over <paramref name="backend"/>, with new keys and test chains.</summary>
    /// <param name="backend">The emulator whose devices the evidence reports.</param>
    public EmulatedAttester(EmulatedBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        Backend = backend;
    }

    /// <summary>The emulator whose devices the evidence reports.</summary>
    public EmulatedBackend Backend { get; }

    /// <summary>
    /// The root of the test PCK chain in every TD quote, as PEM (subject "Tsm emulated test SGX Root CA (not Intel)"):
    /// pin it (<see cref="Verification.TdQuoteVerifierOptions.WithPinnedRoot"/>, <c>tsm verify --root</c>) to accept the quotes.
    /// </summary>
    public string TdxRootCertificatePem => _tdx.RootCertificatePem;

    /// <summary>
    /// The test VCEK that signs the SEV-SNP reports, followed by its ASK and ARK, as PEM: the certificate argument of
    /// <see cref="Verification.SnpReportVerifier.Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> and <c>tsm verify --cert</c>.
    /// </summary>
    public string SnpCertificateChainPem => _snp.CertificateChainPem;

    /// <summary>
    /// The test ARK, as PEM (subject "Tsm emulated test ARK (not AMD)"): pin it
    /// (<see cref="Verification.SnpReportVerifierOptions.WithPinnedArk"/>, <c>tsm verify --root</c>) to accept the reports.
    /// </summary>
    public string SnpArkCertificatePem => _snp.ArkCertificatePem;

    /// <summary>
    /// The test platform attestation key (IAK) that signs the CCA platform tokens, as a PEM SubjectPublicKeyInfo: give it to
    /// <see cref="Verification.CcaTokenVerifier"/> (<c>tsm verify --iak</c>) to check the platform signature.
    /// </summary>
    public string CcaPlatformPublicKeyPem => _cca.PlatformPublicKeyPem;

    /// <summary>A TD quote v4 over the emulated TDX device's current MRTD, MRCONFIGID, MROWNER, MROWNERCONFIG and RTMR0-3.</summary>
    /// <param name="reportData">The quote's REPORTDATA: at most 64 bytes, zero-padded.</param>
    /// <exception cref="ArgumentException"><paramref name="reportData"/> is longer than 64 bytes.</exception>
    public byte[] CreateTdQuote(ReadOnlySpan<byte> reportData)
    {
        lock (_gate)
        {
            using Tdx tdx = Tdx.Open(Backend);
            return _tdx.Quote(tdx, reportData);
        }
    }

    /// <summary>
    /// A kernel-exact configfs-tsm model whose provider signs with this attester's keys, so attester code written
    /// against <see cref="Configfs.ConfigfsReport"/> runs unchanged on the emulator and <c>tsm verify</c> accepts what it
    /// gets once this attester's anchor is pinned. The provider reports the emulated platform's values at generation
    /// time, as the kernel's providers do.
    /// </summary>
    /// <param name="provider">The provider to model: <c>tdx_guest</c>, <c>sev_guest</c> or <c>arm_cca_guest</c> (<see cref="Configfs.TsmReportProviders"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is none of the three.</exception>
    public Configfs.EmulatedConfigfsTsm ConfigfsTsm(string provider)
    {
        Configfs.IEvidenceProvider model = provider switch
        {
            Configfs.TsmReportProviders.Tdx => new Configfs.EmulatedTdxGuest(Backend, body => SignTdQuoteBody(body.Span)),
            Configfs.TsmReportProviders.Sev => new Configfs.EmulatedSevGuest(Backend, sign: SignSnpReport),
            Configfs.TsmReportProviders.Cca => new Configfs.EmulatedCcaGuest(challenge => CreateCcaToken(challenge.Span)),
            _ => throw new ArgumentException(
                $"'{provider}' is not a configfs-tsm provider; use {Configfs.TsmReportProviders.Tdx}, {Configfs.TsmReportProviders.Sev} or {Configfs.TsmReportProviders.Cca}.",
                nameof(provider)),
        };
        return new Configfs.EmulatedConfigfsTsm(model);
    }

    /// <summary>A TD quote v4 around <paramref name="body"/> (a 584-byte TD quote body), signed as <see cref="CreateTdQuote"/> signs.</summary>
    public byte[] SignTdQuoteBody(ReadOnlySpan<byte> body)
    {
        lock (_gate)
        {
            return _tdx.Quote(body);
        }
    }

    /// <summary>Signs <paramref name="report"/>, an SEV-SNP ATTESTATION_REPORT, in place with the test VCEK.</summary>
    public void SignSnpReport(byte[] report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_gate)
        {
            _snp.Sign(report);
        }
    }

    /// <summary>A signed SEV-SNP ATTESTATION_REPORT over the emulated device's current MEASUREMENT, HOST_DATA, ID and author key digests.</summary>
    /// <param name="reportData">The report's REPORT_DATA: at most 64 bytes, zero-padded.</param>
    /// <exception cref="ArgumentException"><paramref name="reportData"/> is longer than 64 bytes.</exception>
    public byte[] CreateSnpReport(ReadOnlySpan<byte> reportData)
    {
        lock (_gate)
        {
            using SevSnp snp = SevSnp.Open(Backend);
            return _snp.Report(snp, reportData);
        }
    }

    /// <summary>An Arm CCA token (tag 907) over the emulated realm's current RIM and REM0-3.</summary>
    /// <param name="challenge">The realm challenge: at most 64 bytes, zero-padded to 64 (RSI_ATTESTATION_TOKEN_INIT takes 64).</param>
    /// <exception cref="ArgumentException"><paramref name="challenge"/> is longer than 64 bytes.</exception>
    public byte[] CreateCcaToken(ReadOnlySpan<byte> challenge)
    {
        if (challenge.Length > EmulatedCcaTokenSigner.ChallengeSize)
        {
            throw new ArgumentException($"A CCA realm challenge is at most {EmulatedCcaTokenSigner.ChallengeSize} bytes.", nameof(challenge));
        }

        lock (_gate)
        {
            using ArmCca cca = ArmCca.Open(Backend);
            return _cca.Token(cca, challenge);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _tdx.Dispose();
            _snp.Dispose();
            _cca.Dispose();
        }
    }
}
