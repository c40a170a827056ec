using System;
using System.Buffers.Binary;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// A TD quote v4 around a TD quote body, with the ECDSA signature, attestation key and QE report all zero and an empty
/// PCK chain: the layout <see cref="TdQuote.Parse"/> accepts and no verifier does. It is what the emulated
/// <c>tdx_guest</c> returns until a signing quoting enclave is plugged in.
/// </summary>
internal static class UnsignedTdQuote
{
    private const int HeaderSize = 48;
    private const int BodySize = 584;
    private const int SignatureDataOffset = HeaderSize + BodySize + 4;

    // Signature (64), attestation key (64), certification data type and size (6), then the QE report certification
    // data: QE report (384), its signature (64), QE auth data size (2), PCK cert data type and size (6).
    private const int QeReportCertificationDataSize = 384 + 64 + 2 + 6;
    private const int SignatureDataSize = 64 + 64 + 6 + QeReportCertificationDataSize;

    // The Intel QE vendor ID 939a7233-f79c-4ca9-940a-0db3957f0607 as the quote header stores it.
    private static ReadOnlySpan<byte> IntelQeVendorId => [0x93, 0x9A, 0x72, 0x33, 0xF7, 0x9C, 0x4C, 0xA9, 0x94, 0x0A, 0x0D, 0xB3, 0x95, 0x7F, 0x06, 0x07];

    /// <summary>The quote for a TDX 1.0 body (<see cref="TdQuoteBody"/> layout version 2, 584 bytes).</summary>
    public static byte[] FromBody(ReadOnlySpan<byte> body)
    {
        if (body.Length != BodySize)
        {
            throw new ArgumentException($"A TD quote v4 carries a {BodySize}-byte body, not {body.Length}.", nameof(body));
        }

        byte[] quote = new byte[SignatureDataOffset + SignatureDataSize];
        BinaryPrimitives.WriteUInt16LittleEndian(quote.AsSpan(0), 4);
        BinaryPrimitives.WriteUInt16LittleEndian(quote.AsSpan(2), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(quote.AsSpan(4), 0x81);
        IntelQeVendorId.CopyTo(quote.AsSpan(12));
        body.CopyTo(quote.AsSpan(HeaderSize));
        BinaryPrimitives.WriteUInt32LittleEndian(quote.AsSpan(HeaderSize + BodySize), SignatureDataSize);

        Span<byte> signatureData = quote.AsSpan(SignatureDataOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(signatureData[128..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(signatureData[130..], QeReportCertificationDataSize);
        BinaryPrimitives.WriteUInt16LittleEndian(signatureData[(134 + 384 + 64 + 2)..], 5);
        return quote;
    }
}
