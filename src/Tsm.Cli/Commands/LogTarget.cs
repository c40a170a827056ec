using System;
using System.CommandLine;
using System.Linq;

namespace Tsm.Cli.Commands;

/// <summary>
/// The register a measurement log is bound to, from <c>[--vendor V] [--backend B] [--role R]</c>: a <c>tpm:</c>
/// backend is the TPM; another backend needs <c>--vendor</c>; with neither, the platform of this machine is detected
/// (a TEE's own registers first, then a TPM). The role defaults to <c>application</c>.
/// </summary>
internal sealed class LogTarget
{
    private LogTarget(Option<string> vendor, Option<string> backend, Option<string> role)
    {
        Vendor = vendor;
        Backend = backend;
        Role = role;
    }

    public Option<string> Vendor { get; }

    public Option<string> Backend { get; }

    public Option<string> Role { get; }

    public static LogTarget Create()
    {
        Option<string> vendor = new("--vendor") { Description = "The platform (default: detected, or tpm for a tpm: backend): " + string.Join(", ", VendorCatalog.Names) + ".", HelpName = "VENDOR" };
        vendor.AcceptOnlyFromAmong(VendorCatalog.Names.ToArray());
        Option<string> backend = BackendSpec.CreateOption();
        Option<string> role = new("--role") { Description = "The logical register: " + string.Join(", ", MeasurementRoleNames.All()) + " (default application).", HelpName = "ROLE", DefaultValueFactory = _ => "application" };
        role.AcceptOnlyFromAmong(MeasurementRoleNames.All());
        return new LogTarget(vendor, backend, role);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Vendor);
        command.Options.Add(Backend);
        command.Options.Add(Role);
    }

    /// <summary>Whether any of the three options was given.</summary>
    public bool IsGiven(ParseResult parsed) => IsGiven(parsed.CommandResult);

    /// <summary>Whether any of the three options was given, while the command line is validated.</summary>
    public bool IsGiven(System.CommandLine.Parsing.CommandResult result) =>
        result.GetResult(Vendor) is not null || result.GetResult(Backend) is not null || result.GetResult(Role) is { Implicit: false };

    /// <summary>Opens the platform and resolves the role; the caller disposes the returned platform.</summary>
    /// <exception cref="InputException">The options do not fit together, or the platform maps no register to the role.</exception>
    public (MeasurementPlatform Platform, LogicalRegister Register) Open(ParseResult parsed)
    {
        MeasurementRoleNames.TryParse(parsed.GetValue(Role), out MeasurementRole role);
        MeasurementPlatform platform = OpenPlatform(parsed.GetValue(Vendor), parsed.GetValue(Backend));
        try
        {
            if (!platform.Supports(role))
            {
                throw new InputException($"{platform.Definition.DisplayName} maps no register to the '{MeasurementRoleNames.Of(role)}' role; it maps: {string.Join(", ", platform.Definition.Roles.Select(r => $"{MeasurementRoleNames.Of(r.Role)} → {r.RegisterName}"))}");
            }

            return (platform, platform.Role(role));
        }
        catch
        {
            platform.Dispose();
            throw;
        }
    }

    private static MeasurementPlatform OpenPlatform(string? vendor, string? backend)
    {
        if (backend is null && vendor is null)
        {
            return MeasurementPlatform.Detect(VendorCatalog.WithRoles);
        }

        BackendSpec spec = BackendSpec.Parse(backend);
        bool tpmBackend = spec.Text.StartsWith("tpm:", StringComparison.Ordinal);
        if (vendor is null && !tpmBackend)
        {
            // Only --backend without --vendor reaches here; the kernel's own files (sysfs) say which platform this is.
            return spec.Text == "sysfs"
                ? MeasurementPlatform.Detect(VendorCatalog.WithRoles)
                : throw new InputException($"--backend {spec.Text} needs --vendor: which platform's registers does it hold? ({string.Join(", ", VendorCatalog.WithRoles.Select(d => d.Vendor))})");
        }

        string platformVendor = vendor ?? "tpm";
        DeviceDefinition definition = VendorCatalog.Find(platformVendor);
        if (definition.Roles.Count == 0)
        {
            throw new InputException($"{definition.DisplayName} has no logical registers (its schema maps no roles); its run-time measurements go through a TPM: use --vendor tpm");
        }

        if (tpmBackend && definition.Encoding != SysfsEncoding.Hex)
        {
            throw new InputException($"--backend {spec.Text} is a TPM, but --vendor {platformVendor} is not");
        }

        return MeasurementPlatform.Open(backend is null ? TsmBackend.Detect(definition) : spec.Backend.Open(definition));
    }
}
