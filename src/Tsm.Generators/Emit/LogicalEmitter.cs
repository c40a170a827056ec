using System.Linq;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes what the schema's <c>logical</c> section adds to a vendor class: the <c>Roles</c> of its definition, the
/// <c>Logical</c> property and its nested class with one property per mapped role. On a single-bank vendor a role's
/// property is the physical register's own object (<c>tdx.Logical.Application</c> is <c>tdx.Rtmr3</c>); on a
/// crypto-agile one (TPM banks) it is a <c>Tsm.LogicalRegister</c> over every available bank.
/// </summary>
internal static class LogicalEmitter
{
    private const string Runtime = "global::Tsm.";

    public static void EmitRoles(SourceWriter w, VendorSpec spec)
    {
        w.Open($"Roles = new {Runtime}RoleMapping[]");
        foreach (RoleSpec role in spec.Roles)
        {
            w.Line($"new {Runtime}RoleMapping({RoleMember(role.Role)}, {CSharpLiteral.String(role.RegisterName)}, {CSharpLiteral.String(role.Description)}),");
        }

        w.Close(",");
    }

    public static void EmitProperty(SourceWriter w, VendorSpec spec)
    {
        w.Line();
        w.Summary($"The logical registers of {spec.DisplayName}: the register each measurement role maps to ({Mappings(spec)}), from the schema's logical section.");
        w.Line($"public {Naming.LogicalClassName} {Naming.LogicalPropertyName} {{ get; }}");
    }

    public static void EmitClass(SourceWriter w, VendorSpec spec)
    {
        bool agile = spec.Banks.Count > 0;
        w.Line();
        w.Summary($"The logical registers of {spec.DisplayName}: code that records an event by role ({Mappings(spec)}) instead of by register.");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]");
        w.Open($"public sealed class {Naming.LogicalClassName}");
        w.Line($"private readonly {spec.ClassName} _device;");
        if (agile)
        {
            foreach (RoleSpec role in spec.Roles)
            {
                w.Line($"private {Runtime}LogicalRegister? _{role.Role};");
            }
        }

        w.Line();
        w.Line($"internal {Naming.LogicalClassName}({spec.ClassName} device) => _device = device;");
        foreach (RoleSpec role in spec.Roles)
        {
            string property = Naming.ToPascalCase(role.Role);
            w.Line();
            w.Summary($"The '{role.Role}' role: register {role.RegisterName}. {role.Description}");
            if (agile)
            {
                w.Line($"/// <remarks>Every available bank of {SourceWriter.Escape(role.RegisterName)}; resolved on first use.</remarks>");
                w.Line($"/// <exception cref=\"{Runtime}TsmException\">The register has no available bank on this platform.</exception>");
                w.Line($"public {Runtime}LogicalRegister {property} => _{role.Role} ??= Role({RoleMember(role.Role)});");
            }
            else
            {
                RegisterSpec register = spec.Registers.First(r => r.Name == role.RegisterName);
                w.Line($"/// <remarks>The same object as <see cref=\"{spec.ClassName}.{register.PropertyName}\"/>.</remarks>");
                w.Line($"public {register.RegisterType} {property} => _device.{register.PropertyName};");
            }
        }

        w.Line();
        w.SummaryXml($"The register of <paramref name=\"role\"/>, with every available bank of it, measured the crypto-agile way.");
        w.Line("/// <param name=\"role\">The role.</param>");
        w.Line($"/// <exception cref=\"global::System.ArgumentException\">{SourceWriter.Escape(spec.DisplayName)} maps no register to the role.</exception>");
        w.Line($"/// <exception cref=\"{Runtime}TsmException\">The register has no available bank, or its hash cannot be resolved on this backend.</exception>");
        w.Line($"public {Runtime}LogicalRegister Role({Runtime}MeasurementRole role) => new {Runtime}LogicalRegister(_device.Session, role);");
        w.Close();
    }

    private static string RoleMember(string role) => $"{Runtime}MeasurementRole.{Naming.ToPascalCase(role)}";

    private static string Mappings(VendorSpec spec) => string.Join(", ", spec.Roles.Select(static r => $"{r.Role} → {r.RegisterName}"));
}
