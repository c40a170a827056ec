using System;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// The model of <c>tdx_guest</c>'s configfs-tsm provider (<c>drivers/virt/coco/tdx-guest/tdx-guest.c</c>
/// <c>tdx_report_new</c>): only generation, provider, inblob and outblob are shown; the inblob must be exactly 64
/// bytes (else EINVAL); and the outblob is a TD quote whose body carries the emulated TDX device's registers at
/// generation time and the inblob as REPORTDATA.
/// </summary>
public sealed class EmulatedTdxGuest : IEvidenceProvider
{
    private readonly EmulatedBackend _backend;
    private readonly Func<ReadOnlyMemory<byte>, byte[]> _quote;

    /// <summary>Makes quotes from the TDX device of <paramref name="backend"/>.</summary>
    /// <param name="backend">The emulator whose TDX registers the quotes carry.</param>
    /// <param name="quote">
    /// Turns the 584-byte TD quote body (TDX 1.0 layout) into the quote; a signing quoting enclave plugs in here. By
    /// default the quote is an unsigned v4 quote: zero signature, attestation key and QE report, which
    /// <see cref="TdQuote.Parse"/> accepts and no verifier does.
    /// </param>
    public EmulatedTdxGuest(EmulatedBackend backend, Func<ReadOnlyMemory<byte>, byte[]>? quote = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _backend = backend;
        _quote = quote ?? (body => UnsignedTdQuote.FromBody(body.Span));
    }

    /// <inheritdoc/>
    public string Name => TsmReportProviders.Tdx;

    /// <inheritdoc/>
    public uint PrivlevelFloor => 0;

    /// <inheritdoc/>
    public bool IsVisible(string attribute) =>
        attribute is TsmReportAttributes.Generation or TsmReportAttributes.Provider or TsmReportAttributes.Inblob or TsmReportAttributes.Outblob;

    /// <inheritdoc/>
    public EvidenceResult Generate(EvidenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Inblob.Length != TsmReportAttributes.InblobMax)
        {
            return EvidenceResult.Failure(LinuxErrno.EINVAL);
        }

        // TDG.MR.REPORT reports the platform's values; tdx_do_report writes that TDREPORT into the buffer every
        // tsm-mr value points into, so the measurement files show the values the quote carries from now on.
        using Tdx tdx = Tdx.Open(PlatformSnapshot.Of(_backend, Tdx.Definition));
        byte[] body = TdQuoteBody.Build(tdx, request.Inblob.Span, version: 2);
        _backend.Device(Tdx.Definition).RewriteCacheFromPlatform();
        return EvidenceResult.Success(_quote(body));
    }
}
