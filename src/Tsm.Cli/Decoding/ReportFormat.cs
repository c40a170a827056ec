using System.Collections.Generic;
using System.Linq;
using Tsm.Attestation;

namespace Tsm.Cli.Decoding;

/// <summary>
/// An evidence format <c>tsm</c> decodes: every outermost binary layout the generated <see cref="TsmCatalog"/> lists
/// (named, recognised, parsed and visited through it, so a new shipped schema needs no change here), and the Arm CCA
/// token, which is CBOR rather than a binary layout and is parsed by <see cref="Tsm.Attestation.Cca.CcaToken"/>.
/// </summary>
internal sealed class ReportFormat
{
    private ReportFormat(string name, string title, string signatureText, bool isLayout)
    {
        Name = name;
        Title = title;
        SignatureText = signatureText;
        IsLayout = isLayout;
    }

    /// <summary>The Arm CCA attestation token: CBOR tag 907 (CMW collection) or 399 (legacy) around the platform and realm tokens.</summary>
    public static ReportFormat CcaToken { get; } = new("ccatoken", "Arm CCA attestation token", "CBOR tag 907 or 399", isLayout: false);

    /// <summary>Every format, in detection order: the catalog's layouts (its <see cref="TsmCatalog.DetectionOrder"/>), then the CCA token.</summary>
    public static IReadOnlyList<ReportFormat> All { get; } =
        [.. TsmCatalog.DetectionOrder.Select(static layout => new ReportFormat(layout, ReportFormatTitles.Of(layout), TsmCatalog.SignatureText(layout), isLayout: true)), CcaToken];

    /// <summary>The names <c>--format</c> accepts besides <c>auto</c>, in detection order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(static f => f.Name)];

    /// <summary>The short name: the schema's layout name (<c>tdquote</c>, <c>snpreport</c>, ...) or <c>ccatoken</c>; the JSON <c>format</c> value.</summary>
    public string Name { get; }

    /// <summary>A title for people, e.g. "Intel TDX quote".</summary>
    public string Title { get; }

    /// <summary>What detection tests the leading bytes for, in words, for the error that lists the formats tried.</summary>
    public string SignatureText { get; }

    /// <summary>True for a <see cref="TsmCatalog"/> layout, false for the CCA token.</summary>
    public bool IsLayout { get; }

    /// <summary>The format named <paramref name="name"/> (one of <see cref="Names"/>), or null for <c>auto</c>.</summary>
    public static ReportFormat? Parse(string name) => name == "auto" ? null : All.Single(f => f.Name == name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
