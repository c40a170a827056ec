using System;
using System.Collections.Generic;
using Tsm.Attestation;
using Tsm.EventLog.Registers;

namespace Tsm.EventLog.Verification;

/// <summary>The register values a piece of evidence states, which a replay is verified against.</summary>
public sealed class ExpectedRegisters
{
    internal ExpectedRegisters(EvidenceKind kind, IReadOnlyList<ExpectedRegister> registers)
    {
        Kind = kind;
        Registers = registers;
    }

    /// <summary>What the values were read from.</summary>
    public EvidenceKind Kind { get; }

    /// <summary>The stated register banks, in the evidence's order.</summary>
    public IReadOnlyList<ExpectedRegister> Registers { get; }

    /// <summary>The values of a TD quote's body: MRTD and RTMR0..3 (SHA-384).</summary>
    /// <exception cref="ReportFormatException">The bytes are not a TD quote.</exception>
    public static ExpectedRegisters FromTdQuote(ReadOnlySpan<byte> quote)
    {
        TdQuoteBody body = TdQuote.Parse(quote).Body;
        return Tdx(EvidenceKind.TdQuote, body.MrTd, body.Rtmr0, body.Rtmr1, body.Rtmr2, body.Rtmr3);
    }

    /// <summary>The values of a TDREPORT: MRTD and RTMR0..3 (SHA-384).</summary>
    /// <exception cref="ReportFormatException">The bytes are not a TDREPORT.</exception>
    public static ExpectedRegisters FromTdReport(ReadOnlySpan<byte> report)
    {
        TdReport parsed = TdReport.Parse(report);
        return Tdx(EvidenceKind.TdReport, parsed.MrTd, parsed.Rtmr0, parsed.Rtmr1, parsed.Rtmr2, parsed.Rtmr3);
    }

    /// <summary>Values given directly, e.g. reference values.</summary>
    public static ExpectedRegisters FromValues(EvidenceKind kind, IReadOnlyList<ExpectedRegister> registers) =>
        new(kind, registers ?? throw new ArgumentNullException(nameof(registers)));

    /// <summary>
    /// Reads evidence whose kind is judged by content: a TD quote, a TDREPORT (exactly 1024 bytes), JSON (starts with
    /// '{') or <c>tpm2_pcrread</c> YAML (text starting with a bank line).
    /// </summary>
    /// <exception cref="EvidenceFormatException">The bytes are none of these, or a text form is malformed (names the line).</exception>
    public static ExpectedRegisters Read(ReadOnlySpan<byte> evidence)
    {
        if (TdQuote.TryParse(evidence, out _))
        {
            return FromTdQuote(evidence);
        }

        if (evidence.Length == TdReport.MinimumSize && TdReport.TryParse(evidence, out _))
        {
            return FromTdReport(evidence);
        }

        return PcrValueText.Read(evidence);
    }

    private static ExpectedRegisters Tdx(EvidenceKind kind, Sha384Digest mrtd, Sha384Digest rtmr0, Sha384Digest rtmr1, Sha384Digest rtmr2, Sha384Digest rtmr3) =>
        new(kind, new[]
        {
            new ExpectedRegister(new RegisterId(RegisterKind.Mrtd, 0), MeasurementHash.Sha384, mrtd.ToArray()),
            new ExpectedRegister(RegisterId.Rtmr(0), MeasurementHash.Sha384, rtmr0.ToArray()),
            new ExpectedRegister(RegisterId.Rtmr(1), MeasurementHash.Sha384, rtmr1.ToArray()),
            new ExpectedRegister(RegisterId.Rtmr(2), MeasurementHash.Sha384, rtmr2.ToArray()),
            new ExpectedRegister(RegisterId.Rtmr(3), MeasurementHash.Sha384, rtmr3.ToArray()),
        });
}
