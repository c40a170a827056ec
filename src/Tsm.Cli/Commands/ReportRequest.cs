namespace Tsm.Cli.Commands;

/// <summary>The options of one <c>tsm report</c> run.</summary>
/// <param name="Vendor"><c>--vendor</c>: tdx, sev-snp or arm-cca.</param>
/// <param name="Backend"><c>--backend</c>: where the evidence comes from (<c>configfs</c>, <c>emulated</c> or <c>emulated:STATEFILE</c>).</param>
/// <param name="Nonce"><c>--nonce</c>: the hex text of the report data or challenge.</param>
/// <param name="Out"><c>--out</c>: where the evidence is written.</param>
/// <param name="TestRootOut"><c>--test-root-out</c>: where the emulator's trust anchor is written, or null.</param>
/// <param name="CertOut"><c>--cert-out</c>: SEV-SNP only, where the VCEK (with its ASK and ARK) is written, or null.</param>
/// <param name="Seed"><c>--seed</c>: real evidence whose register values the emulator starts from, or null.</param>
internal sealed record ReportRequest(string Vendor, string Backend, string Nonce, string Out, string? TestRootOut, string? CertOut, string? Seed);
