using System;
using Tsm.Attestation;
using Tsm.Attestation.Cca;

namespace Tsm.Cli.Decoding;

/// <summary>
/// A file whose report its parser accepted. It keeps the file's bytes and re-creates the zero-copy view on demand
/// (views are ref structs and cannot be stored); every field comes from that view's <c>VisitFields</c>.
/// </summary>
internal sealed class DecodedReport
{
    private readonly byte[] _file;

    public DecodedReport(byte[] file, DetectedReport detected, int length, ulong? version, string variant)
    {
        _file = file;
        Format = detected.Format;
        Envelope = detected.Envelope;
        Start = detected.Start;
        Length = length;
        Version = version;
        Variant = variant;
    }

    public ReportFormat Format { get; }

    public ReportEnvelope Envelope { get; }

    /// <summary>Where the report starts in the file (after an envelope's header).</summary>
    public int Start { get; }

    /// <summary>The report's own length as its parser measured it (a quote: up to the end of its signature data).</summary>
    public int Length { get; }

    /// <summary>The report's version field (the quote version, TDREPORT REPORTTYPE.VERSION, the SNP report version); null for a CCA token or a layout without one.</summary>
    public ulong? Version { get; }

    /// <summary>Which version or form this is, for people: "version 4", "tag 907 (CMW collection)".</summary>
    public string Variant { get; }

    /// <summary>The report's bytes.</summary>
    public ReadOnlySpan<byte> Report => _file.AsSpan(Start, Length);

    /// <summary>The file's bytes after the report: device-buffer padding, appended data, or the rest of an envelope.</summary>
    public ReadOnlySpan<byte> TrailingBytes => _file.AsSpan(Start + Length);

    /// <summary>
    /// Passes every field of the report, in layout order and under its schema name, to <paramref name="visitor"/> (a
    /// binary layout through <see cref="TsmCatalog.Visit"/>); a CCA token's claims arrive in two nested groups,
    /// <c>platform</c> and <c>realm</c>.
    /// </summary>
    public void VisitFields(IReportFieldVisitor visitor)
    {
        if (Format.IsLayout)
        {
            TsmCatalog.Visit(Format.Name, Report, visitor);
            return;
        }

        CcaToken token = CcaToken.Parse(_file.AsMemory(Start, Length));
        visitor.BeginNested("platform", nameof(CcaPlatformClaims));
        token.Platform.VisitFields(visitor);
        visitor.EndNested();
        visitor.BeginNested("realm", nameof(CcaRealmClaims));
        token.Realm.VisitFields(visitor);
        visitor.EndNested();
    }
}
