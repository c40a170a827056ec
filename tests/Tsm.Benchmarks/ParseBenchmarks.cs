using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Tsm.Vendors;

namespace Tsm.Benchmarks;

/// <summary>
/// Parsing a real TDREPORT, v4 TD quote and SNP report and reading every measurement field (MRTD, MRCONFIGID, MROWNER,
/// MROWNERCONFIG, RTMR0-3, REPORTDATA; SNP: MEASUREMENT, HOSTDATA, ID/AUTHOR key digests, REPORT_DATA) with the generated
/// parsers, against a hand-written BinaryPrimitives/span reader doing the same validation (sizes, types, versions and, for
/// the quote, every nested length down to the PCK chain) as each report's baseline; and the quote's QE report (MRENCLAVE,
/// MRSIGNER, REPORTDATA) three nested views down, against the hand-written reader slicing it out by hand. Every field is folded into the result
/// the same way on both sides. Goal: at most 1.1x the baseline and no allocation.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ParseBenchmarks
{
    private byte[] _tdReport = null!;
    private byte[] _quote = null!;
    private byte[] _snpReport = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tdReport = ParseSampleData.Read("tdx/coco_gc_tdx_report_1.bin");
        _quote = ParseSampleData.Read("tdx/gotdx_quote_v4_SPR_E4.dat");
        _snpReport = ParseSampleData.Read("sevsnp/gosev_attestation.bin");
        if (TdReportHandWritten() != TdReportGenerated() || TdQuoteHandWritten() != TdQuoteGenerated() || QeReportHandWritten() != QeReportGenerated()
            || SnpReportHandWritten() != SnpReportGenerated())
        {
            throw new InvalidOperationException("The hand-written and generated readers disagree on the samples.");
        }
    }

    [Benchmark(Baseline = true, Description = "hand-written")]
    [BenchmarkCategory("TDREPORT")]
    public ulong TdReportHandWritten()
    {
        ReadOnlySpan<byte> r = _tdReport;
        if (r.Length != 1024)
        {
            Invalid("TDREPORT size");
        }

        if (r[0] != 0x81)
        {
            Invalid("REPORTTYPE");
        }

        return Fold(r.Slice(528, 48)) ^ Fold(r.Slice(576, 48)) ^ Fold(r.Slice(624, 48)) ^ Fold(r.Slice(672, 48))
            ^ Fold(r.Slice(720, 48)) ^ Fold(r.Slice(768, 48)) ^ Fold(r.Slice(816, 48)) ^ Fold(r.Slice(864, 48))
            ^ Fold(r.Slice(128, 64));
    }

    [Benchmark(Description = "generated")]
    [BenchmarkCategory("TDREPORT")]
    public ulong TdReportGenerated()
    {
        TdReport r = TdReport.Parse(_tdReport);
        return Fold(r.MrTd.Bytes) ^ Fold(r.MrConfigId.Bytes) ^ Fold(r.MrOwner.Bytes) ^ Fold(r.MrOwnerConfig.Bytes)
            ^ Fold(r.Rtmr0.Bytes) ^ Fold(r.Rtmr1.Bytes) ^ Fold(r.Rtmr2.Bytes) ^ Fold(r.Rtmr3.Bytes)
            ^ Fold(r.ReportData);
    }

    [Benchmark(Baseline = true, Description = "hand-written")]
    [BenchmarkCategory("TD quote v4")]
    public ulong TdQuoteHandWritten()
    {
        ReadOnlySpan<byte> b = HandWrittenQuoteBody(_quote);
        return Fold(b.Slice(136, 48)) ^ Fold(b.Slice(184, 48)) ^ Fold(b.Slice(232, 48)) ^ Fold(b.Slice(280, 48))
            ^ Fold(b.Slice(328, 48)) ^ Fold(b.Slice(376, 48)) ^ Fold(b.Slice(424, 48)) ^ Fold(b.Slice(472, 48))
            ^ Fold(b.Slice(520, 64));
    }

    [Benchmark(Description = "generated")]
    [BenchmarkCategory("TD quote v4")]
    public ulong TdQuoteGenerated()
    {
        TdQuoteBody b = TdQuote.Parse(_quote).Body;
        return Fold(b.MrTd.Bytes) ^ Fold(b.MrConfigId.Bytes) ^ Fold(b.MrOwner.Bytes) ^ Fold(b.MrOwnerConfig.Bytes)
            ^ Fold(b.Rtmr0.Bytes) ^ Fold(b.Rtmr1.Bytes) ^ Fold(b.Rtmr2.Bytes) ^ Fold(b.Rtmr3.Bytes)
            ^ Fold(b.ReportData);
    }

    [Benchmark(Baseline = true, Description = "hand-written")]
    [BenchmarkCategory("TD quote v4, QE report")]
    public ulong QeReportHandWritten()
    {
        ReadOnlySpan<byte> q = _quote;
        ReadOnlySpan<byte> b = HandWrittenQuoteBody(q);
        int bodyOffset = BinaryPrimitives.ReadUInt16LittleEndian(q) == 4 ? 48 : 54;
        ReadOnlySpan<byte> e = q.Slice(bodyOffset + b.Length + 4 + 134, 384);
        return Fold(e.Slice(64, 32)) ^ Fold(e.Slice(128, 32)) ^ Fold(e.Slice(320, 64));
    }

    [Benchmark(Description = "generated")]
    [BenchmarkCategory("TD quote v4, QE report")]
    public ulong QeReportGenerated()
    {
        SgxReportBody e = TdQuote.Parse(_quote).SignatureData.CertificationData.QeReport;
        return Fold(e.MrEnclave.Bytes) ^ Fold(e.MrSigner.Bytes) ^ Fold(e.ReportData);
    }

    [Benchmark(Baseline = true, Description = "hand-written")]
    [BenchmarkCategory("SNP report")]
    public ulong SnpReportHandWritten()
    {
        ReadOnlySpan<byte> r = _snpReport;
        if (r.Length != 1184)
        {
            Invalid("SNP report size");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(r) - 2 > 3)
        {
            Invalid("VERSION");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(r.Slice(52, 4)) != 1)
        {
            Invalid("SIGNATURE_ALGO");
        }

        return Fold(r.Slice(144, 48)) ^ Fold(r.Slice(192, 32)) ^ Fold(r.Slice(224, 48)) ^ Fold(r.Slice(272, 48)) ^ Fold(r.Slice(80, 64));
    }

    [Benchmark(Description = "generated")]
    [BenchmarkCategory("SNP report")]
    public ulong SnpReportGenerated()
    {
        SnpReport r = SnpReport.Parse(_snpReport);
        return Fold(r.Measurement.Bytes) ^ Fold(r.HostData.Bytes) ^ Fold(r.IdKeyDigest.Bytes) ^ Fold(r.AuthorKeyDigest.Bytes) ^ Fold(r.ReportData);
    }

    /// <summary>
    /// The checks TdQuote.Parse makes, by hand: header, v4 or v5 body, signature data length, certification data type 6
    /// and size, QE report, QE auth data, PCK chain type 5 and size; each nested part must fill its length exactly.
    /// </summary>
    private static ReadOnlySpan<byte> HandWrittenQuoteBody(ReadOnlySpan<byte> q)
    {
        if (q.Length < 636)
        {
            Invalid("quote size");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(q);
        if ((version != 4 && version != 5) || BinaryPrimitives.ReadUInt16LittleEndian(q.Slice(2, 2)) != 2 || BinaryPrimitives.ReadUInt32LittleEndian(q.Slice(4, 4)) != 0x81)
        {
            Invalid("quote header");
        }

        int bodyOffset = 48;
        int bodyLength = 584;
        if (version == 5)
        {
            ushort bodyType = BinaryPrimitives.ReadUInt16LittleEndian(q.Slice(48, 2));
            uint bodySize = BinaryPrimitives.ReadUInt32LittleEndian(q.Slice(50, 4));
            if ((bodyType != 2 && bodyType != 3) || bodySize != (bodyType == 3 ? 648u : 584u) || bodySize > (uint)(q.Length - 54))
            {
                Invalid("v5 body");
            }

            (bodyOffset, bodyLength) = (54, (int)bodySize);
        }

        int lengthOffset = bodyOffset + bodyLength;
        if (q.Length - lengthOffset < 4)
        {
            Invalid("signature data length");
        }

        uint signatureLength = BinaryPrimitives.ReadUInt32LittleEndian(q.Slice(lengthOffset, 4));
        if (signatureLength > (uint)(q.Length - lengthOffset - 4) || signatureLength < 134)
        {
            Invalid("signature data");
        }

        ReadOnlySpan<byte> signature = q.Slice(lengthOffset + 4, (int)signatureLength);
        if (BinaryPrimitives.ReadUInt16LittleEndian(signature.Slice(128, 2)) != 6
            || BinaryPrimitives.ReadUInt32LittleEndian(signature.Slice(130, 4)) != (uint)(signature.Length - 134)
            || signature.Length - 134 < 456)
        {
            Invalid("certification data");
        }

        ReadOnlySpan<byte> certification = signature[134..];
        int authSize = BinaryPrimitives.ReadUInt16LittleEndian(certification.Slice(448, 2));
        if (certification.Length - 450 - authSize < 6 || BinaryPrimitives.ReadUInt16LittleEndian(certification.Slice(450 + authSize, 2)) != 5
            || BinaryPrimitives.ReadUInt32LittleEndian(certification.Slice(452 + authSize, 4)) != (uint)(certification.Length - 456 - authSize))
        {
            Invalid("PCK certificate chain");
        }

        return q.Slice(bodyOffset, bodyLength);
    }

    // Inlined on both sides whatever the JIT's profile says. Tiered PGO instruments only methods with branches of their
    // own; a generated-side benchmark method has none (its checks are in the inlined Parse), so its Tier1 code is built
    // from a synthesized profile and the inliner stops inlining Fold after the first few calls ("unprofitable inline",
    // seen with the runtime's inlining events), which measured the JIT's call-site heuristic, not the parser.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fold(ReadOnlySpan<byte> field) => MemoryMarshal.Read<ulong>(field) ^ MemoryMarshal.Read<ulong>(field[^8..]);

    [DoesNotReturn]
    private static void Invalid(string what) => throw new FormatException($"invalid {what}");
}
