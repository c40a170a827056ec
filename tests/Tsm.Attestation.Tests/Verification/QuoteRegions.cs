using System.Text;

namespace Tsm.Attestation.Tests.Verification;

/// <summary>Absolute offsets, in a TD quote, of the parts the tampering tests flip bits in.</summary>
internal sealed record QuoteRegions(
    int Body,
    int Signature,
    int AttestationKey,
    int QeReport,
    int QeReportData,
    int QeAuthData,
    int QeAuthDataLength,
    int PckCertChain,
    int PckCertChainLength)
{
    public static QuoteRegions Of(ReadOnlySpan<byte> quote)
    {
        TdQuote parsed = TdQuote.Parse(quote);
        TdQuoteSignatureData signatureData = parsed.SignatureData;
        QeReportCertificationData certificationData = signatureData.CertificationData;
        int signatureDataStart = parsed.SignatureDataOffset;
        int certificationStart = signatureDataStart + signatureData.CertificationDataOffset;
        int qeReportStart = certificationStart + certificationData.QeReportOffset;
        return new QuoteRegions(
            Body: parsed.BodyOffset,
            Signature: signatureDataStart + signatureData.SignatureOffset,
            AttestationKey: signatureDataStart + signatureData.AttestationKeyOffset,
            QeReport: qeReportStart,
            QeReportData: qeReportStart + certificationData.QeReport.ReportDataOffset,
            QeAuthData: certificationStart + certificationData.QeAuthDataOffset,
            QeAuthDataLength: certificationData.QeAuthData.Length,
            PckCertChain: certificationStart + certificationData.PckCertChainOffset,
            PckCertChainLength: certificationData.PckCertChain.Length);
    }

    /// <summary>
    /// The offset of a base64 character near the end of the PCK leaf's PEM block whose case can be flipped (bit 5): the
    /// character stays valid base64 but decodes to different bytes at the very end of the DER, which is the leaf's signature
    /// value. The certificate still parses and keeps its public key; only its issuer's signature on it breaks.
    /// </summary>
    public int PckLeafSignatureCharacter(ReadOnlySpan<byte> quote)
    {
        string chain = Encoding.Latin1.GetString(quote.Slice(PckCertChain, PckCertChainLength));
        int end = chain.IndexOf("-----END CERTIFICATE-----", StringComparison.Ordinal);
        int letters = 0;
        for (int i = end - 1; i >= 0; i--)
        {
            char c = chain[i];
            if (char.IsAsciiLetter(c) && ++letters == 6)
            {
                return PckCertChain + i;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '/' or '=' or '\n' or '\r'))
            {
                break;
            }
        }

        throw new InvalidOperationException("no base64 letter found near the end of the PCK leaf");
    }
}
