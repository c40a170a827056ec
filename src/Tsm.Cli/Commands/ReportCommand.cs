using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using Tsm.Attestation;
using Tsm.Attestation.Cca;
using Tsm.Attestation.Configfs;
using Tsm.Attestation.Emulation;
using Tsm.Cli.Decoding;

namespace Tsm.Cli.Commands;

/// <summary>
/// <c>tsm report --vendor tdx|sev-snp|arm-cca --backend configfs|emulated|emulated:STATEFILE --nonce HEX --out FILE
/// [--test-root-out FILE] [--cert-out FILE] [--seed FILE]</c>: evidence through configfs-tsm, from the kernel or from an
/// emulator (fresh, or the machine a state file holds) whose provider signs with run-time test keys
/// (<see cref="EmulatedAttester"/>), which <c>tsm verify</c> accepts once the written trust anchor is pinned.
/// </summary>
internal static class ReportCommand
{
    private const string EmulatedBackendName = "emulated";
    private const string ConfigfsBackendName = "configfs";

    public static Command Create()
    {
        Option<string> vendor = new("--vendor")
        {
            Required = true,
            Description = "Which evidence to make: tdx (TD quote v4), sev-snp (SEV-SNP report), arm-cca (CCA token).",
        };
        vendor.AcceptOnlyFromAmong(ReportVendor.All);
        Option<string> backend = new("--backend")
        {
            HelpName = "BACKEND",
            Required = true,
            Description = "Where the evidence comes from: 'configfs' (the kernel's configfs-tsm, /sys/kernel/config/tsm/report), 'emulated' (a fresh emulator with run-time test keys, through a kernel-exact configfs-tsm model) or 'emulated:STATEFILE' (the same, with the registers of the emulated machine in STATEFILE, as tsm extend left them).",
        };
        backend.CompletionSources.Add(ConfigfsBackendName, EmulatedBackendName, EmulatedBackendName + ":");
        Option<string> nonce = new("--nonce")
        {
            HelpName = "HEX",
            Required = true,
            Description = "The report data (tdx, sev-snp: exactly 64 bytes = 128 hex digits) or the realm challenge (arm-cca: 32 to 64 bytes, zero-padded).",
        };
        Option<string> output = new("--out")
        {
            HelpName = "FILE",
            Required = true,
            Description = "Write the evidence to FILE.",
        };
        Option<string> testRootOut = new("--test-root-out")
        {
            HelpName = "FILE",
            Description = "Write the run-time trust anchor (PEM) to FILE: the test root of the PCK chain (tdx), the test ARK (sev-snp), the IAK public key (arm-cca).",
        };
        Option<string> certificateOut = new("--cert-out")
        {
            HelpName = "FILE",
            Description = "sev-snp: write the test VCEK, followed by its ASK and ARK (PEM), to FILE, for tsm verify --cert.",
        };
        Option<FileInfo> seed = InputFileSymbol.Option(
            "--seed",
            "Start the emulator from the register values of real evidence of the same vendor (a TD quote or TDREPORT, an SEV-SNP report, a CCA token).");

        foreach (Option<string> file in new[] { output, testRootOut, certificateOut })
        {
            file.CompletionSources.Add(FileNameCompletion.Complete);
        }

        Command command = new("report", "Make signed evidence from an emulator, without hardware, for tsm verify and tests.")
        {
            vendor, backend, nonce, output, testRootOut, certificateOut, seed,
        };
        command.SetAction(parsed =>
        {
            ReportRequest request = new(
                parsed.GetRequiredValue(vendor),
                parsed.GetRequiredValue(backend),
                parsed.GetRequiredValue(nonce),
                parsed.GetRequiredValue(output),
                parsed.GetValue(testRootOut),
                parsed.GetValue(certificateOut),
                InputFileSymbol.PathOf(parsed.GetValue(seed)));
            return CommandRunner.Run(parsed, request.Seed ?? request.Out, _ => Report(request));
        });
        return command;
    }

    private static int Report(ReportRequest request)
    {
        // The nonce first: a wrong one is the commonest mistake, and nothing should be made or written before it is known good.
        byte[] nonce = Nonce.Parse(request.Nonce, ReportVendor.NonceSize(request.Vendor), request.Vendor);
        string? stateFile = BackendSpec.StateFile(request.Backend);
        if (request.Backend is not (EmulatedBackendName or ConfigfsBackendName) && stateFile is null)
        {
            throw new InputException($"--backend '{request.Backend}' is not a report backend; use 'configfs' (the kernel's configfs-tsm), 'emulated' or 'emulated:STATEFILE'.");
        }

        if (stateFile is not null && request.Seed is not null)
        {
            throw new InputException("--seed starts a fresh emulator; --backend emulated:STATEFILE reports the registers its state file holds (set them with tsm extend).");
        }

        if (request.CertOut is not null && request.Vendor != ReportVendor.SevSnp)
        {
            throw new InputException("--cert-out is for sev-snp: TD quotes carry their PCK chain, and CCA tokens have no certificate.");
        }

        if (request.Backend == ConfigfsBackendName && (request.TestRootOut ?? request.CertOut ?? request.Seed) is not null)
        {
            throw new InputException("--test-root-out, --cert-out and --seed are for --backend emulated: real evidence is anchored in the vendor's roots, and its registers are the platform's.");
        }

        string provider = ReportVendor.Provider(request.Vendor);
        if (request.Backend == ConfigfsBackendName)
        {
            ConfigfsEvidence real = new ConfigfsReport().Request(nonce);
            if (real.Provider != provider)
            {
                throw new InputException($"--vendor {request.Vendor} needs the configfs-tsm provider {provider}, but this machine's is {real.Provider}.");
            }

            OutputFile.Write(request.Out, real.Outblob.ToArray());
            return ExitCodes.Success;
        }

        if (stateFile is not null)
        {
            return FromStateFile(request, stateFile, provider, nonce);
        }

        return Emulate(request.Seed is { } seedPath ? Seeded(request.Vendor, seedPath) : TsmBackend.Emulated(), request, provider, nonce);
    }

    /// <summary>
    /// Evidence of the machine in <paramref name="stateFile"/>, made in one transaction: the report carries the platform's
    /// values (what TDG.MR.REPORT, SNP_GUEST_REQUEST and the RMM read), and a TDX report rewrites the TDREPORT buffer
    /// that backs the tsm-mr cache, as on the machine (<c>drivers/virt/coco/tdx-guest/tdx-guest.c</c> <c>tdx_report_new</c>).
    /// </summary>
    private static int FromStateFile(ReportRequest request, string stateFile, string provider, byte[] nonce)
    {
        DeviceDefinition definition = request.Vendor switch
        {
            ReportVendor.Tdx => Tdx.Definition,
            ReportVendor.SevSnp => SevSnp.Definition,
            _ => ArmCca.Definition,
        };
        try
        {
            return TsmBackend.EmulatedFile(stateFile).Edit(definition, device =>
            {
                var emulator = new EmulatedBackend();
                EmulatedDevice copy = emulator.Device(definition);
                for (int i = 0; i < definition.Registers.Count; i++)
                {
                    // Aliases share their owner's value, and derived values are the cache's, recomputed at each refresh.
                    if (definition.Registers[i].AliasOf is null && definition.Registers[i].Refresh is null)
                    {
                        copy.SetValue(device.Files[i], device.PlatformValue(device.Files[i]));
                    }
                }

                int exitCode = Emulate(emulator, request, provider, nonce);
                if (request.Vendor == ReportVendor.Tdx)
                {
                    device.RewriteCacheFromPlatform();
                }

                return exitCode;
            });
        }
        catch (ArgumentException error)
        {
            throw new InputException($"--backend '{request.Backend}': {error.Message}");
        }
    }

    private static int Emulate(EmulatedBackend emulator, ReportRequest request, string provider, byte[] nonce)
    {
        // The same configfs-tsm protocol as on hardware, answered by a kernel-exact model whose provider signs with
        // the attester's run-time keys: attester code written against ConfigfsReport runs unchanged here.
        using EmulatedAttester attester = new(emulator);
        byte[] evidence = new ConfigfsReport(attester.ConfigfsTsm(provider)).Request(nonce).Outblob.ToArray();
        string trustAnchor = request.Vendor switch
        {
            ReportVendor.Tdx => attester.TdxRootCertificatePem,
            ReportVendor.SevSnp => attester.SnpArkCertificatePem,
            _ => attester.CcaPlatformPublicKeyPem,
        };

        OutputFile.Write(request.Out, evidence);
        if (request.TestRootOut is { } rootPath)
        {
            OutputFile.Write(rootPath, Encoding.ASCII.GetBytes(trustAnchor));
        }

        if (request.CertOut is { } certificatePath)
        {
            OutputFile.Write(certificatePath, Encoding.ASCII.GetBytes(attester.SnpCertificateChainPem));
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// A fresh emulator whose registers start from <paramref name="path"/>'s values. A CCA token also sets the realm's
    /// measurement algorithm (its cca-realm-hash-algo-id), which the emulator fixes when it starts.
    /// </summary>
    private static EmulatedBackend Seeded(string vendor, string path)
    {
        byte[] bytes = InputFile.Read(path);
        DecodedReport seed = ReportDecoder.Decode(bytes, format: null);
        switch (vendor)
        {
            case ReportVendor.Tdx or ReportVendor.SevSnp when seed.Format.IsLayout && TsmCatalog.LayoutVendor(seed.Format.Name) == vendor:
                return SeededFromFields(VendorCatalog.Find(vendor), seed);
            case ReportVendor.ArmCca when seed.Format == ReportFormat.CcaToken:
                CcaRealmMeasurements measurements = CcaToken.Parse(bytes.AsMemory(seed.Start, seed.Length)).RealmMeasurements
                    ?? throw InputException.ForFile(path, "its RIM and REMs are not digests of the realm hash it names, so they cannot seed an emulated realm");
                EmulatedBackend emulator = TsmBackend.Emulated(new EmulatorOptions { SelectedHash = measurements.Algorithm });
                EmulatedDevice realm = emulator.Device(ArmCca.Definition);
                realm.SetValue("rim", measurements.Rim.Bytes);
                for (int i = 0; i < measurements.Rems.Count; i++)
                {
                    realm.SetValue(string.Create(CultureInfo.InvariantCulture, $"rem{i}"), measurements.Rems[i].Bytes);
                }

                return emulator;
            default:
                throw InputException.ForFile(path, $"holds an {seed.Format.Title}, which cannot seed a {vendor} emulator");
        }
    }

    private static EmulatedBackend SeededFromFields(DeviceDefinition device, DecodedReport seed)
    {
        EmulatedBackend emulator = TsmBackend.Emulated();
        emulator.Device(device).SeedFrom(seed.VisitFields);
        return emulator;
    }
}
