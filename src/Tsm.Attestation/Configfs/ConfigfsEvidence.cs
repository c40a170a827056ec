using System;
using Tsm.Attestation.Cca;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// The evidence one configfs-tsm report instance returned: the three blobs of one generation, the provider that made
/// them and that generation. The parsed views are made on demand, because the generated views are ref structs over
/// the bytes and cannot be stored.
/// </summary>
public sealed class ConfigfsEvidence
{
    private readonly byte[] _outblob;
    private readonly byte[] _auxblob;
    private readonly byte[] _manifestblob;

    internal ConfigfsEvidence(string provider, ulong generation, byte[] outblob, byte[] auxblob, byte[] manifestblob)
    {
        Provider = provider;
        Generation = generation;
        _outblob = outblob;
        _auxblob = auxblob;
        _manifestblob = manifestblob;
    }

    /// <summary>The provider that made the report (<see cref="TsmReportProviders"/>), which names the outblob's format.</summary>
    public string Provider { get; }

    /// <summary>The instance's generation after the stores, which the outblob was made for.</summary>
    public ulong Generation { get; }

    /// <summary>The report: a TD quote, an SNP attestation report or a CCA token.</summary>
    public ReadOnlyMemory<byte> Outblob => _outblob;

    /// <summary>The supplemental data (SEV: the certificate table); empty when the provider returned none or does not show it.</summary>
    public ReadOnlyMemory<byte> Auxblob => _auxblob;

    /// <summary>The service manifest (SEV under an SVSM); empty when the provider returned none or does not show it.</summary>
    public ReadOnlyMemory<byte> Manifestblob => _manifestblob;

    /// <summary>The outblob of <c>tdx_guest</c> as a TD quote.</summary>
    /// <exception cref="InvalidOperationException">The provider is not <c>tdx_guest</c>.</exception>
    /// <exception cref="ReportFormatException">The outblob is not a valid TD quote (for example a CWT from a DICE platform).</exception>
    public TdQuote Quote => TdQuote.Parse(From(TsmReportProviders.Tdx, "TD quote"));

    /// <summary>The outblob of <c>sev_guest</c> as an SNP attestation report (without the firmware's response header).</summary>
    /// <exception cref="InvalidOperationException">The provider is not <c>sev_guest</c>.</exception>
    /// <exception cref="ReportFormatException">The outblob is not a valid SNP report.</exception>
    public SnpReport SnpReport => SnpReport.Parse(From(TsmReportProviders.Sev, "SNP report"));

    /// <summary>The auxblob of <c>sev_guest</c>: the GHCB certificate table (VCEK/VLEK, ASK, ARK entries), empty when the host supplied none.</summary>
    /// <exception cref="InvalidOperationException">The provider is not <c>sev_guest</c>.</exception>
    public ReadOnlyMemory<byte> Certificates => Provider == TsmReportProviders.Sev ? _auxblob : throw WrongProvider(TsmReportProviders.Sev, "SNP certificate table");

    /// <summary>The outblob of <c>arm_cca_guest</c> as a CCA attestation token.</summary>
    /// <exception cref="InvalidOperationException">The provider is not <c>arm_cca_guest</c>.</exception>
    /// <exception cref="ReportFormatException">The outblob is not a valid CCA token.</exception>
    public CcaToken CcaToken => CcaToken.Parse(From(TsmReportProviders.Cca, "CCA token"));

    private byte[] From(string provider, string format) => Provider == provider ? _outblob : throw WrongProvider(provider, format);

    private InvalidOperationException WrongProvider(string provider, string format) =>
        new($"The evidence comes from provider '{Provider}', so it holds no {format}; that needs provider '{provider}'.");
}
