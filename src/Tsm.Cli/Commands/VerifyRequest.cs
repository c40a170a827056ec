namespace Tsm.Cli.Commands;

/// <summary>The options of one <c>tsm verify</c> run.</summary>
/// <param name="Path">The TD quote, SEV-SNP report or CCA token.</param>
/// <param name="Certificate"><c>--cert</c>: the VCEK or VLEK of an SEV-SNP report.</param>
/// <param name="Root"><c>--root</c>: a root certificate file to pin.</param>
/// <param name="RootFingerprint"><c>--root-fingerprint</c>: the SHA-256 fingerprint of a root to pin.</param>
/// <param name="PlatformKey"><c>--iak</c>: the platform attestation key of an Arm CCA token.</param>
/// <param name="Json"><c>--json</c>.</param>
internal sealed record VerifyRequest(string Path, string? Certificate, string? Root, string? RootFingerprint, string? PlatformKey, bool Json);
