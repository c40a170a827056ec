namespace Tsm.Cli.Commands;

/// <summary>The options of one <c>tsm verify</c> run.</summary>
/// <param name="Path">The TD quote or SEV-SNP report.</param>
/// <param name="Certificate"><c>--cert</c>: the VCEK or VLEK of an SEV-SNP report.</param>
/// <param name="Root"><c>--root</c>: a root certificate file to pin.</param>
/// <param name="RootFingerprint"><c>--root-fingerprint</c>: the SHA-256 fingerprint of a root to pin.</param>
/// <param name="Json"><c>--json</c>.</param>
internal sealed record VerifyRequest(string Path, string? Certificate, string? Root, string? RootFingerprint, bool Json);
