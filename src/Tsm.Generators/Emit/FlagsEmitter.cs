using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Emit;

/// <summary>Writes the value type of a flags field: the raw integer, one bool per named bit, one integer per subfield.</summary>
internal static class FlagsEmitter
{
    public static void Emit(SourceWriter w, string name, ReportFieldSpec field)
    {
        string raw = IntegerReads.CSharpType(IntegerWidths.OfSize(field.ConstantSize()));
        w.Line();
        w.Summary(field.Description is null ? $"The bits of '{field.Name}'." : $"The bits of '{field.Name}': {field.Description}");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]");
        w.Open($"public readonly struct {name} : global::System.IEquatable<{name}>");
        w.Summary("Wraps a raw value.");
        w.Line("/// <param name=\"value\">The raw field value.</param>");
        w.Line($"public {name}({raw} value) => Value = value;");
        w.Line();
        w.Summary("The raw field value.");
        w.Line($"public {raw} Value {{ get; }}");
        foreach (BitSpec bit in field.Bits)
        {
            w.Line();
            string pascal = Naming.ToPascalCase(bit.Name);
            if (bit.Width == 1)
            {
                w.Summary($"Bit {CSharpLiteral.Int(bit.Bit)} ({bit.Name}).");
                w.Line($"public bool {pascal} => (Value & (({raw})1 << {CSharpLiteral.Int(bit.Bit)})) != 0;");
            }
            else
            {
                string mask = bit.Width >= 64 ? "ulong.MaxValue" : $"((1UL << {CSharpLiteral.Int(bit.Width)}) - 1)";
                w.Summary($"Bits {CSharpLiteral.Int(bit.Bit)}..{CSharpLiteral.Int(bit.Bit + bit.Width - 1)} ({bit.Name}).");
                w.Line($"public ulong {pascal} => ((ulong)Value >> {CSharpLiteral.Int(bit.Bit)}) & {mask};");
            }
        }

        w.Line();
        w.Summary("The raw value in hex, then the names of the set bits and the subfield values.");
        w.Open("public override string ToString()");
        w.Line("var parts = new global::System.Collections.Generic.List<string>();");
        foreach (BitSpec bit in field.Bits)
        {
            string pascal = Naming.ToPascalCase(bit.Name);
            w.Line(bit.Width == 1
                ? $"if ({pascal}) parts.Add(\"{bit.Name}\");"
                : $"parts.Add(\"{bit.Name}=\" + {pascal}.ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
        }

        string digits = CSharpLiteral.Int(field.ConstantSize() * 2);
        w.Line($"string hex = \"0x\" + Value.ToString(\"x{digits}\", global::System.Globalization.CultureInfo.InvariantCulture);");
        w.Line("return parts.Count == 0 ? hex : hex + \" (\" + string.Join(\", \", parts) + \")\";");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public bool Equals({name} other) => Value == other.Value;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => Value.GetHashCode();");
        w.Line();
        w.Summary("Value equality.");
        w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        w.Line();
        w.Summary("Value inequality.");
        w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        w.Close();
    }
}
