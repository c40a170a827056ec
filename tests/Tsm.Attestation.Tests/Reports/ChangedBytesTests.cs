using System.Buffers.Binary;
using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>
/// A view reads the caller's bytes in place, and a nested view (<c>quote.SignatureData.CertificationData</c>) is built
/// on each read from the lengths in those bytes. A caller that changes the bytes after the parse breaks the contract
/// ("keep them unchanged while it is used"), but even then no read may reach outside the parsed span: each one returns
/// bytes inside it, or throws from a checked slice (<see cref="ArgumentOutOfRangeException"/>) or from a view too short
/// for its fixed part (<see cref="InvalidOperationException"/>).
/// </summary>
public sealed class ChangedBytesTests
{
    // Bytes around the quote inside one array, so that a read past either end of the span would still land in memory
    // the test owns and be caught by the position check instead of going unnoticed.
    private const int Guard = 4096;

    public static TheoryData<string, string, uint> Changes()
    {
        var changes = new TheoryData<string, string, uint>();
        foreach (string file in new[] { SampleInventory.SprE4Quote, SampleInventory.GoTdxV5Quote })
        {
            foreach (string field in new[] { "signaturedatalength", "certificationdatasize", "qeauthdatasize", "pckcertdatasize" })
            {
                foreach (uint value in new uint[] { 0, 1, 455, 0x7FFF, 0xFFFF, 0x7FFF_FFFF, 0xFFFF_FFFF })
                {
                    changes.Add(file, field, value);
                }
            }
        }

        return changes;
    }

    [SampleDataTheory]
    [MemberData(nameof(Changes))]
    public void A_length_changed_after_the_parse_never_makes_a_read_leave_the_parsed_span(string file, string field, uint value)
    {
        byte[] quote = SampleData.Read(file);
        byte[] buffer = new byte[Guard + quote.Length + Guard];
        buffer.AsSpan().Fill(0xA5);
        quote.CopyTo(buffer, Guard);
        ReadOnlySpan<byte> parsed = buffer.AsSpan(Guard, quote.Length);
        TdQuote view = TdQuote.Parse(parsed);
        (int offset, int width) = Where(view, field);

        Span<byte> length = buffer.AsSpan(Guard + offset, width);
        if (width == 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(length, value);
        }

        var inside = new InsideSpanVisitor(buffer, Guard, quote.Length);
        ReadEverything(view, inside);
        Assert.True(inside.Seen > 0);
    }

    /// <summary>Every field, and the nested views' own bytes, each read on its own so that one throwing hides no other.</summary>
    private static void ReadEverything(TdQuote view, InsideSpanVisitor inside)
    {
        try
        {
            view.VisitFields(inside);
        }
        catch (Exception error) when (Tolerated(error))
        {
        }

        try
        {
            inside.Bytes("pckcertchain", view.SignatureData.CertificationData.PckCertChain);
        }
        catch (Exception error) when (Tolerated(error))
        {
        }

        try
        {
            inside.Bytes("qeauthdata", view.SignatureData.CertificationData.QeAuthData);
        }
        catch (Exception error) when (Tolerated(error))
        {
        }

        try
        {
            inside.Bytes("qereport", view.SignatureData.CertificationData.QeReport.Bytes);
        }
        catch (Exception error) when (Tolerated(error))
        {
        }

        inside.Bytes("body", view.Body.Bytes);
    }

    private static bool Tolerated(Exception error) => error is ArgumentOutOfRangeException or InvalidOperationException;

    /// <summary>Where <paramref name="field"/> lies in the quote, found from the views of the unchanged bytes.</summary>
    private static (int Offset, int Width) Where(TdQuote quote, string field)
    {
        TdQuoteSignatureData signature = quote.SignatureData;
        QeReportCertificationData certification = signature.CertificationData;
        int certificationAt = quote.SignatureDataOffset + signature.CertificationDataOffset;
        return field switch
        {
            "signaturedatalength" => (quote.SignatureDataLengthOffset, 4),
            "certificationdatasize" => (quote.SignatureDataOffset + signature.CertificationDataSizeOffset, 4),
            "qeauthdatasize" => (certificationAt + certification.QeAuthDataSizeOffset, 2),
            "pckcertdatasize" => (certificationAt + certification.PckCertDataSizeOffset, 4),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a length field of the quote"),
        };
    }

    /// <summary>Fails the test for any byte field that is not inside the parsed span.</summary>
    private sealed class InsideSpanVisitor(byte[] buffer, int start, int length) : IReportFieldVisitor
    {
        public int Seen { get; private set; }

        public void Integer(string name, ulong value) => Seen++;

        public void Bytes(string name, ReadOnlySpan<byte> value)
        {
            Seen++;
            if (value.IsEmpty)
            {
                return;
            }

            ReadOnlySpan<byte> parsed = buffer.AsSpan(start, length);
            bool overlaps = parsed.Overlaps(value, out int at);
            Assert.True(overlaps && at >= 0 && at + value.Length <= parsed.Length, $"'{name}' ({value.Length} bytes) lies outside the parsed span");
        }

        public void BeginNested(string name, string typeName)
        {
        }

        public void EndNested()
        {
        }
    }
}
