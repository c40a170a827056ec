using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tsm.Attestation.Verification;
using Tsm.Cli.Decoding;
using Tsm.Cli.Output;

namespace Tsm.Cli.Commands;

/// <summary>
/// <c>tsm verify FILE [--cert FILE] [--root FILE | --root-fingerprint HEX] [--iak FILE] [--json]</c>: TD quotes with
/// <see cref="TdQuoteVerifier"/>, SEV-SNP reports with <see cref="SnpReportVerifier"/>, Arm CCA tokens with
/// <see cref="CcaTokenVerifier"/>. Exit code 0 when every check passes, 1 otherwise.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        Argument<FileInfo> file = InputFileSymbol.Argument("FILE", "The TD quote, SEV-SNP report or Arm CCA token to verify (found as tsm decode finds it).");
        Option<FileInfo> certificate = InputFileSymbol.Option(
            "--cert",
            "SEV-SNP reports: the VCEK or VLEK certificate, DER or PEM (a PEM file may carry the ASK/ASVK and ARK after it).");
        Option<FileInfo> root = InputFileSymbol.Option(
            "--root",
            "Pin this root certificate (DER or PEM) instead of the default: for TD quotes the root of the PCK chain "
                + "(default: Intel SGX Root CA, production); for SEV-SNP reports the ARK, which adds the certificate-chain check.");
        Option<string> rootFingerprint = new("--root-fingerprint")
        {
            HelpName = "HEX",
            Description = "Like --root, by the root's SHA-256 fingerprint: 64 hex digits, ':' separators allowed.",
        };
        rootFingerprint.Validators.Add(result =>
        {
            string value = result.GetValueOrDefault<string>() ?? "";
            string digits = string.Concat(value.Where(c => c is not (':' or '-' or ' ')));
            if (digits.Length != 64 || !digits.All(char.IsAsciiHexDigit))
            {
                result.AddError($"--root-fingerprint '{value}' is not a SHA-256 fingerprint (64 hex digits).");
            }
        });
        Option<FileInfo> platformKey = InputFileSymbol.Option(
            "--iak",
            "Arm CCA tokens: the platform attestation key (IAK), a PEM public key or an EC JWK; without it the platform signature is not checked.");
        Option<bool> json = new("--json") { Description = "Print the result as JSON." };

        Command command = new("verify", "Verify a TD quote, SEV-SNP report or Arm CCA token offline and print every check with pass or fail.")
        {
            file, certificate, root, rootFingerprint, platformKey, json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(root) is not null && result.GetResult(rootFingerprint) is not null)
            {
                result.AddError("--root and --root-fingerprint cannot be used together.");
            }
        });
        command.SetAction(parsed =>
        {
            VerifyRequest request = new(
                InputFileSymbol.PathOf(parsed.GetRequiredValue(file)),
                InputFileSymbol.PathOf(parsed.GetValue(certificate)),
                InputFileSymbol.PathOf(parsed.GetValue(root)),
                parsed.GetValue(rootFingerprint),
                InputFileSymbol.PathOf(parsed.GetValue(platformKey)),
                parsed.GetValue(json));
            return CommandRunner.Run(parsed, request.Path, stdout => Verify(request, stdout));
        });
        return command;
    }

    private static int Verify(VerifyRequest request, TextWriter stdout)
    {
        DecodedReport report = ReportDecoder.Decode(InputFile.Read(request.Path), format: null);
        if (request.PlatformKey is not null && report.Format != ReportFormat.CcaToken)
        {
            throw new InputException("--iak is for Arm CCA tokens; TD quotes and SEV-SNP reports are signed under certificates (use --root or --cert).");
        }

        // Each verifier knows its evidence's signature scheme and trust roots; a layout without one is reported, not guessed at.
        VerificationResult result = report.Format.Name switch
        {
            "tdquote" => VerifyTdQuote(report, request),
            "snpreport" => VerifySnpReport(report, request),
            "tdreport" => throw InputException.ForFile(request.Path, "a TDREPORT is MAC-protected for the platform that made it and cannot be verified offline; verify a TD quote made from it"),
            _ when report.Format == ReportFormat.CcaToken => VerifyCcaToken(report, request),
            _ => throw InputException.ForFile(request.Path, $"tsm verify has no verifier for a {report.Format.Title}"),
        };

        if (request.Json)
        {
            VerificationJsonWriter.Write(report.Format, result, stdout);
        }
        else
        {
            VerificationTableWriter.Write(Path.GetFileName(request.Path), result, stdout);
        }

        return result.IsVerified ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private static VerificationResult VerifyTdQuote(DecodedReport report, VerifyRequest request)
    {
        if (request.Certificate is not null)
        {
            throw new InputException("--cert is for SEV-SNP reports; a TD quote carries its own PCK certificate chain (use --root to pin another root).");
        }

        TdQuoteVerifierOptions options = TdQuoteVerifierOptions.Default;
        if (request.Root is { } rootPath)
        {
            using X509Certificate2 rootCertificate = CertificateFile.Load(rootPath);
            options = options.WithPinnedRoot(rootCertificate);
        }
        else if (request.RootFingerprint is { } fingerprint)
        {
            options = options.WithPinnedRoots(fingerprint);
        }

        return new TdQuoteVerifier(options).Verify(report.Report);
    }

    private static VerificationResult VerifyCcaToken(DecodedReport report, VerifyRequest request)
    {
        if (request.Certificate is not null || request.Root is not null || request.RootFingerprint is not null)
        {
            throw new InputException("--cert, --root and --root-fingerprint are for TD quotes and SEV-SNP reports; a CCA token has no certificate chain (give its platform key with --iak).");
        }

        if (request.PlatformKey is not { } keyPath)
        {
            return new CcaTokenVerifier().Verify(report.Report.ToArray());
        }

        using ECDsa key = PlatformKeyFile.Load(keyPath);
        return new CcaTokenVerifier(key).Verify(report.Report.ToArray());
    }

    private static VerificationResult VerifySnpReport(DecodedReport report, VerifyRequest request)
    {
        string certificatePath = request.Certificate
            ?? throw InputException.ForFile(request.Path, "verifying an SEV-SNP report needs --cert with its VCEK or VLEK certificate (DER or PEM)");

        SnpReportVerifierOptions options = SnpReportVerifierOptions.Default;
        if (request.Root is { } rootPath)
        {
            using X509Certificate2 ark = CertificateFile.Load(rootPath);
            options = options.WithPinnedArk(ark);
        }
        else if (request.RootFingerprint is { } fingerprint)
        {
            options = options.WithPinnedArks(fingerprint);
        }

        // A file that holds no certificate is bad input (exit 2), like a bad --root; only a real certificate that
        // fails a check makes verification fail (exit 1).
        byte[] certificate = InputFile.Read(certificatePath);
        CertificateFile.Load(certificate, certificatePath).Dispose();
        return new SnpReportVerifier(options).Verify(report.Report, certificate);
    }
}
