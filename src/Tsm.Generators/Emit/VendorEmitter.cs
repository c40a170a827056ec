using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Emit;

/// <summary>Writes the C# class of one vendor: its device definition, typed register properties, index methods and banks.</summary>
internal static class VendorEmitter
{
    private const string Runtime = "global::Tsm.";

    public static string Emit(VendorSpec spec, string @namespace, string accessibility)
    {
        var w = new SourceWriter();
        w.FileHeader($"from the vendor schema \"{spec.Vendor}\". Edit the schema, not this file.");
        w.Open($"namespace {@namespace}");
        w.Summary(spec.Description ?? $"The measurement registers of {spec.DisplayName}.");
        w.Line("/// <remarks>");
        w.Line($"/// Generated from the <c>{SourceWriter.Escape(spec.Vendor)}</c> vendor schema. <see cref=\"Open()\"/> uses the Linux");
        w.Line($"/// files under <c>{SourceWriter.Escape(spec.SysfsDirectory)}</c>; <see cref=\"Open({Runtime}TsmBackend)\"/> takes any backend, such as");
        w.Line($"/// <see cref=\"{Runtime}TsmBackend.Emulated({Runtime}EmulatorOptions)\"/>.");
        w.Line("/// </remarks>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]");
        w.Open($"{accessibility} sealed partial class {spec.ClassName} : {Runtime}MeasurementDevice");
        EmitDefinitionProperty(w, spec);
        EmitConstructor(w, spec);
        EmitOpen(w, spec);
        EmitMembers(w, spec, spec.Registers.Where(static r => r.Bank is null), spec.Groups.Where(static g => g.Bank is null));
        foreach (BankSpec bank in spec.Banks)
        {
            w.Line();
            w.Summary($"The {bank.Hash} bank: every register of this bank, as {bank.Hash} digests.");
            w.Line($"public {bank.ClassName} {bank.PropertyName} {{ get; }}");
        }

        if (spec.Roles.Count > 0)
        {
            LogicalEmitter.EmitProperty(w, spec);
        }

        EmitCreateDefinition(w, spec);
        foreach ((string name, ReportSpec _, ReportFieldSpec field) in FlagsTypes.Distinct(spec))
        {
            FlagsEmitter.Emit(w, name, field);
        }

        foreach (BankSpec bank in spec.Banks)
        {
            EmitBankClass(w, spec, bank);
        }

        if (spec.Roles.Count > 0)
        {
            LogicalEmitter.EmitClass(w, spec);
        }

        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void EmitDefinitionProperty(SourceWriter w, VendorSpec spec)
    {
        w.Summary($"The registers of {spec.DisplayName} as the schema describes them: names, kernel files, sizes, hashes and flags.");
        // "new": the instance property MeasurementDevice.Definition returns the same object for an opened device.
        w.Line($"public static new {Runtime}DeviceDefinition Definition {{ get; }} = CreateDefinition();");
    }

    private static void EmitConstructor(SourceWriter w, VendorSpec spec)
    {
        w.Line();
        w.Line($"private {spec.ClassName}({Runtime}MeasurementSession session)");
        w.Open("    : base(session)");
        List<RegisterSpec> all = spec.Registers.ToList();
        for (int i = 0; i < all.Count; i++)
        {
            if (all[i].Bank is null)
            {
                w.Line($"{all[i].PropertyName} = new {all[i].RegisterType}(session, Definition.Registers[{CSharpLiteral.Int(i)}]);");
            }
        }

        foreach (BankSpec bank in spec.Banks)
        {
            w.Line($"{bank.PropertyName} = new {bank.ClassName}(session);");
        }

        if (spec.Roles.Count > 0)
        {
            w.Line($"{Naming.LogicalPropertyName} = new {Naming.LogicalClassName}(this);");
        }

        w.Close();
    }

    private static void EmitOpen(SourceWriter w, VendorSpec spec)
    {
        w.Line();
        w.Summary(spec.Encoding == "hex"
            ? $"Opens the {spec.DisplayName} registers: through TPM 2.0 commands on /dev/tpmrm0 when that device exists and can be opened, else through the read-only Linux kernel files under {spec.SysfsDirectory}."
            : $"Opens the {spec.DisplayName} registers through the Linux kernel files under {spec.SysfsDirectory}.");
        w.Line($"/// <exception cref=\"{Runtime}TsmDeviceNotFoundException\">The directory does not exist; the message names the path probed and how to use the emulator.</exception>");
        w.Line($"public static {spec.ClassName} Open() => new {spec.ClassName}({Runtime}TsmBackend.Detect(Definition));");
        w.Line();
        w.SummaryXml($"Opens the {SourceWriter.Escape(spec.DisplayName)} registers through <paramref name=\"backend\"/>: sysfs, a directory laid out like it, or the emulator.");
        w.Line("/// <param name=\"backend\">The backend, e.g. <c>TsmBackend.Emulated()</c>.</param>");
        w.Line($"public static {spec.ClassName} Open({Runtime}TsmBackend backend) =>");
        w.Line($"    new {spec.ClassName}((backend ?? throw new global::System.ArgumentNullException(nameof(backend))).Open(Definition));");
    }

    private static void EmitMembers(SourceWriter w, VendorSpec spec, IEnumerable<RegisterSpec> registers, IEnumerable<RegisterGroupSpec> groups)
    {
        foreach (RegisterSpec register in registers)
        {
            w.Line();
            w.Summary(register.Description ?? $"The {register.QualifiedName} register.");
            w.Line($"/// <remarks>{SourceWriter.Escape(Facts(register))}</remarks>");
            w.Line($"public {register.RegisterType} {register.PropertyName} {{ get; }}");
        }

        foreach (RegisterGroupSpec group in groups)
        {
            string first = group.ArrayName + "0";
            string last = group.ArrayName + CSharpLiteral.Int(group.PropertyNames.Count - 1);
            w.Line();
            w.SummaryXml($"The register {group.ArrayName}<paramref name=\"index\"/> ({first} to {last}){(group.Bank is null ? string.Empty : " of the " + group.Bank + " bank")}.");
            w.Line($"/// <param name=\"index\">0 to {CSharpLiteral.Int(group.PropertyNames.Count - 1)}.</param>");
            w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The index is outside the array.</exception>");
            w.Open($"public {group.RegisterType} {group.MethodName}(int index) => index switch");
            for (int i = 0; i < group.PropertyNames.Count; i++)
            {
                w.Line($"{CSharpLiteral.Int(i)} => {group.PropertyNames[i]},");
            }

            string message = $"{spec.DisplayName} has {first} to {last}.";
            w.Line($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(index), index, {CSharpLiteral.String(message)}),");
            w.Close(";");
        }
    }

    private static void EmitBankClass(SourceWriter w, VendorSpec spec, BankSpec bank)
    {
        w.Line();
        w.Summary($"The {bank.Hash} bank of {spec.DisplayName}.");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]");
        w.Open($"public sealed class {bank.ClassName}");
        w.Open($"internal {bank.ClassName}({Runtime}MeasurementSession session)");
        List<RegisterSpec> all = spec.Registers.ToList();
        for (int i = 0; i < all.Count; i++)
        {
            if (all[i].Bank == bank.Hash)
            {
                w.Line($"{all[i].PropertyName} = new {all[i].RegisterType}(session, Definition.Registers[{CSharpLiteral.Int(i)}]);");
            }
        }

        w.Close();
        EmitMembers(w, spec, spec.Registers.Where(r => r.Bank == bank.Hash), spec.Groups.Where(g => g.Bank == bank.Hash));
        w.Close();
    }

    private static void EmitCreateDefinition(SourceWriter w, VendorSpec spec)
    {
        w.Line();
        w.Line($"private static {Runtime}DeviceDefinition CreateDefinition() => new {Runtime}DeviceDefinition(");
        w.Indent();
        w.Line($"{CSharpLiteral.String(spec.Vendor)},");
        w.Line($"{CSharpLiteral.String(spec.DisplayName)},");
        w.Line($"{CSharpLiteral.String(spec.SysfsDirectory)},");
        w.Line($"{Runtime}SysfsEncoding.{Naming.ToPascalCase(spec.Encoding)},");
        w.Open($"new {Runtime}RegisterDefinition[]");
        foreach (RegisterSpec register in spec.Registers)
        {
            RegisterDefinitionEmitter.Emit(w, register);
        }

        if (spec.Roles.Count == 0)
        {
            w.Close(");");
            w.Outdent();
            return;
        }

        w.Close(")");
        w.Outdent();
        w.OpenBlock();
        LogicalEmitter.EmitRoles(w, spec);
        w.Close(";");
    }

    private static string Facts(RegisterSpec register)
    {
        string hash = register.Hash == HashAlgorithms.None
            ? "opaque value (no hash)"
            : register.HashChoices.Count > 0 ? "hash chosen at run time from " + string.Join(", ", register.HashChoices) : register.Hash;
        string mutability = register.IsExtendable ? "extend-only" : "read-only";
        string live = (register.Flags & RegisterSpec.LiveFlag) != 0 ? ", live (refreshed from the hardware when read after any write to the group)" : string.Empty;
        string alias = register.AliasOf is null ? string.Empty : $"; alias of {register.AliasOf}";
        string ccmr = register.CcMrIndex >= 0 ? $"; CC MR index {CSharpLiteral.Int(register.CcMrIndex)}" : string.Empty;
        string pcrs = register.Pcrs.Count > 0 ? "; firmware maps PCR " + string.Join(", ", register.Pcrs.Select(static p => CSharpLiteral.Int(p))) : string.Empty;
        return $"Kernel file {register.FileName}; {CSharpLiteral.Int(register.Size)} bytes, {hash}; {mutability}{live}{alias}{ccmr}{pcrs}.";
    }
}
