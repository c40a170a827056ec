using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;
using Tsm.Generators.Json;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>
/// Schema text → <see cref="VendorSpec"/>. Never throws for bad input: every problem becomes a diagnostic at its
/// JSON token, and a spec is returned only when the file had none (a half-understood schema is not generated).
/// </summary>
internal static class SchemaParser
{
    private static readonly string[] TopLevelKeys = { "$schema", "vendor", "displayName", "description", "sources", "device", "registers", "logical", "reports", "claimSets" };
    private static readonly string[] DeviceKeys = { "sysfs", "fileName", "noHashFileName", "encoding" };
    private static readonly string[] Encodings = { "binary", "hex" };

    /// <summary>
    /// A file name template, exactly as tsm-vendor.schema.json's <c>fileNameTemplate</c> pattern says: relative, only
    /// the placeholders {name}, {hash}, {index} and {array}, no '.', '..' or empty segments.
    /// </summary>
    private static readonly Regex FileNameTemplate = new(
        @"^(?!(.*/)?\.\.?(/|$))([A-Za-z0-9_.:@+-]|\{(name|hash|index|array)\})+(/([A-Za-z0-9_.:@+-]|\{(name|hash|index|array)\})+)*$",
        RegexOptions.CultureInvariant);

    private const string FileNameTemplateRule = "a template is a relative path of [A-Za-z0-9_.:@+-] and the placeholders {name}, {hash}, {index}, {array}, with no '.', '..' or empty segments";

    public static SchemaResult Parse(SchemaInput input, CancellationToken cancellationToken)
    {
        var context = new SchemaContext(input.Path, cancellationToken);
        JsonParseResult json = JsonReader.Parse(input.Text, cancellationToken);
        VendorSpec? spec = null;
        if (json.Error is JsonError error)
        {
            context.Report(DiagnosticIds.InvalidJson, new TextRange(error.Position, error.Position), error.Message);
        }
        else
        {
            spec = ReadVendor(json.Root!, context);
        }

        bool valid = !context.HasErrors && spec is not null;
        return new SchemaResult(input.Path, valid ? spec : null, context.Diagnostics.ToEquatableArray())
        {
            ClassName = context.VendorClassName,
            Types = valid ? context.DeclaredTypes.ToEquatableArray() : EquatableArray<DeclaredType>.Empty,
            AsTypes = valid ? context.AsTypes.ToEquatableArray() : EquatableArray<AsTypeReference>.Empty,
        };
    }

    private static VendorSpec? ReadVendor(JsonNode root, SchemaContext context)
    {
        ObjectReader? reader = ObjectReader.Create(root, "the schema", TopLevelKeys, context);
        if (reader is null)
        {
            return null;
        }

        JsonString? vendor = reader.String("vendor", required: true);
        if (vendor is not null && !Naming.IsVendorId(vendor.Value))
        {
            context.Report(DiagnosticIds.InvalidName, vendor.Range, vendor.Value, "vendor id", "vendor ids match ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ (e.g. 'sev-snp')");
            vendor = null;
        }
        else if (vendor is not null && Naming.ToPascalCase(vendor.Value) == Naming.CatalogClassName)
        {
            context.Report(DiagnosticIds.InvalidName, vendor.Range, vendor.Value, "vendor id", $"its class would be {Naming.CatalogClassName}, the generated catalog of the vendors");
            vendor = null;
        }
        else if (vendor is not null && Naming.ToPascalCase(vendor.Value) == Naming.PlatformsClassName)
        {
            context.Report(DiagnosticIds.InvalidName, vendor.Range, vendor.Value, "vendor id", $"its class would be {Naming.PlatformsClassName}, the generated entry point of the logical registers");
            vendor = null;
        }

        JsonString? displayName = reader.String("displayName", required: true);
        JsonString? description = reader.String("description", required: false);
        reader.Strings("sources", required: false);
        reader.String("$schema", required: false);
        DeviceSettings? device = ReadDevice(reader, context);
        JsonArray? registersNode = reader.Array("registers", required: true);
        if (vendor is not null)
        {
            context.VendorClassName = Naming.ToPascalCase(vendor.Value);
        }

        if (vendor is null || displayName is null || device is null || registersNode is null)
        {
            return null;
        }

        string className = Naming.ToPascalCase(vendor.Value);
        context.DeclareType(className, $"vendor '{vendor.Value}'", vendor.Range);
        List<RegisterEntry> entries = RegisterEntryReader.ReadAll(registersNode, context);
        var expander = new RegisterExpander(device, className, context);
        (EquatableArray<RegisterSpec> registers, EquatableArray<RegisterGroupSpec> groups, EquatableArray<BankSpec> banks) = expander.Expand(entries);

        JsonNode? logicalNode = reader.Node("logical", required: false);
        EquatableArray<RoleSpec> roles = logicalNode is null
            ? EquatableArray<RoleSpec>.Empty
            : LogicalReader.Read(logicalNode, registers, context);
        if (roles.Count > 0 && (className == Naming.LogicalPropertyName || className == Naming.LogicalClassName))
        {
            // C# members cannot be named like their type (CS0542): the class would hold a member of its own name.
            context.Report(DiagnosticIds.InvalidName, vendor.Range, vendor.Value, "vendor id", $"its class {className} would contain the generated {Naming.LogicalPropertyName} property and {Naming.LogicalClassName} class of its logical section");
        }

        JsonArray? reportsNode = reader.Array("reports", required: false);
        EquatableArray<ReportSpec> reports = reportsNode is null
            ? EquatableArray<ReportSpec>.Empty
            : ReportReader.ReadAll(reportsNode, RegisterLinks(registers), className, context);

        JsonArray? claimSetsNode = reader.Array("claimSets", required: false);
        EquatableArray<ClaimSetSpec> claimSets = claimSetsNode is null
            ? EquatableArray<ClaimSetSpec>.Empty
            : ClaimSetReader.ReadAll(claimSetsNode, registers, reports.Select(static r => r.TypeName).Append(className).Append(Naming.PlatformsClassName).Append(Naming.CatalogClassName), context);

        return new VendorSpec(
            vendor.Value,
            className,
            displayName.Value,
            description?.Value,
            device.SysfsDirectory,
            device.Encoding,
            registers,
            groups,
            banks,
            reports,
            claimSets,
            roles);
    }

    /// <summary>
    /// Report fields may name a register as <c>name</c> (the first of that name, any bank) or <c>name:hash</c>; the
    /// link carries the register's plain name, which the generated code and the runtime look it up by.
    /// </summary>
    private static Dictionary<string, RegisterLink> RegisterLinks(EquatableArray<RegisterSpec> registers)
    {
        var links = new Dictionary<string, RegisterLink>(System.StringComparer.Ordinal);
        foreach (RegisterSpec register in registers)
        {
            string? valueType = register.HashChoices.Count > 0 ? null
                : register.Hash == HashAlgorithms.None ? HashAlgorithms.OpaqueType(register.Size) : HashAlgorithms.DigestType(register.Hash);
            foreach (string key in new[] { register.Name, register.QualifiedName })
            {
                if (!links.ContainsKey(key))
                {
                    links[key] = new RegisterLink(register.Name, valueType, register.Size);
                }
            }
        }

        return links;
    }

    private static bool IsFileNameTemplate(string value) => FileNameTemplate.IsMatch(value);

    private static DeviceSettings? ReadDevice(ObjectReader schema, SchemaContext context)
    {
        JsonNode? node = schema.Node("device", required: true);
        ObjectReader? device = node is null ? null : ObjectReader.Create(node, "'device'", DeviceKeys, context);
        JsonString? sysfs = device?.String("sysfs", required: true);
        if (device is null || sysfs is null)
        {
            return null;
        }

        if (sysfs.Value.Length < 2 || sysfs.Value[0] != '/' || sysfs.Value.Split('/').Any(static s => s == ".."))
        {
            context.Report(DiagnosticIds.InvalidValue, sysfs.Range, $"'sysfs' must be an absolute directory path without '..' (e.g. /sys/class/misc/tdx_guest/measurements), not '{sysfs.Value}'");
            return null;
        }

        JsonString? encoding = device.String("encoding", required: false);
        if (encoding is not null && System.Array.IndexOf(Encodings, encoding.Value) < 0)
        {
            context.Report(DiagnosticIds.InvalidValue, encoding.Range, $"'{encoding.Value}' is not a device encoding; expected one of: binary, hex");
            return null;
        }

        JsonString? fileName = device.String("fileName", required: false);
        if (fileName is not null && !IsFileNameTemplate(fileName.Value))
        {
            context.Report(DiagnosticIds.InvalidName, fileName.Range, fileName.Value, "device file name template", FileNameTemplateRule);
            return null;
        }

        JsonString? noHashFileName = device.String("noHashFileName", required: false);
        if (noHashFileName is not null && !IsFileNameTemplate(noHashFileName.Value))
        {
            context.Report(DiagnosticIds.InvalidName, noHashFileName.Range, noHashFileName.Value, "device file name template", FileNameTemplateRule);
            return null;
        }

        if (noHashFileName is not null && noHashFileName.Value.IndexOf("{hash}", System.StringComparison.Ordinal) >= 0)
        {
            context.Report(DiagnosticIds.InvalidValue, noHashFileName.Range, "'noHashFileName' names registers without a hash, so it cannot use {hash}");
            return null;
        }

        return new DeviceSettings(
            sysfs.Value.TrimEnd('/'),
            fileName?.Value ?? DeviceSettings.DefaultFileName,
            noHashFileName?.Value ?? DeviceSettings.DefaultNoHashFileName,
            encoding?.Value ?? "binary");
    }
}
