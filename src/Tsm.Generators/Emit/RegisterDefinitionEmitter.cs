using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Emit;

/// <summary>Writes one <c>Tsm.RegisterDefinition</c> initializer; optional facts are emitted only when the schema sets them.</summary>
internal static class RegisterDefinitionEmitter
{
    private const string Runtime = "global::Tsm.";

    public static void Emit(SourceWriter w, RegisterSpec register)
    {
        w.Line($"new {Runtime}RegisterDefinition({CSharpLiteral.String(register.Name)}, {CSharpLiteral.String(register.QualifiedName)}, {CSharpLiteral.String(register.FileName)}, {CSharpLiteral.Int(register.Size)}, {Hash(register.Hash)}, {Flags(register.Flags)})");
        w.Line("{");
        foreach (string assignment in Assignments(register))
        {
            w.Line("    " + assignment + ",");
        }

        w.Line("},");
    }

    private static IEnumerable<string> Assignments(RegisterSpec register)
    {
        if (register.HashChoices.Count > 0)
        {
            yield return $"HashChoices = new {Runtime}MeasurementHash[] {{ {string.Join(", ", register.HashChoices.Select(Hash))} }}";
        }

        if (register.ExtendInputSize > 0)
        {
            yield return "ExtendInputSize = " + CSharpLiteral.Int(register.ExtendInputSize);
        }

        if (register.AliasOf is not null)
        {
            yield return "AliasOf = " + CSharpLiteral.String(register.AliasOf);
        }

        if (register.ArrayName is not null)
        {
            yield return "ArrayName = " + CSharpLiteral.String(register.ArrayName);
            yield return "Index = " + CSharpLiteral.Int(register.Index);
        }

        if (register.Bank is not null)
        {
            yield return "Bank = " + Hash(register.Bank);
        }

        if (register.Description is not null)
        {
            yield return "Description = " + CSharpLiteral.String(register.Description);
        }

        if (register.CcMrIndex >= 0)
        {
            yield return "CcMrIndex = " + CSharpLiteral.Int(register.CcMrIndex);
        }

        if (register.Pcrs.Count > 0)
        {
            yield return $"MappedPcrs = new int[] {{ {string.Join(", ", register.Pcrs.Select(static p => CSharpLiteral.Int(p)))} }}";
        }

        if (register.Initial != "zeros")
        {
            yield return $"Initial = {Runtime}InitialValue.{Naming.ToPascalCase(register.Initial)}";
        }

        if (register.RefreshHash is not null)
        {
            string sources = string.Join(", ", register.RefreshSources.Select(CSharpLiteral.String));
            yield return $"Refresh = new {Runtime}RefreshRule({Hash(register.RefreshHash)}, new string[] {{ {sources} }})";
        }
    }

    private static string Hash(string hash) => $"{Runtime}MeasurementHash.{HashAlgorithms.EnumMember(hash)}";

    private static string Flags(int flags)
    {
        var names = new List<string>();
        if ((flags & RegisterSpec.NoHashFlag) != 0)
        {
            names.Add("NoHash");
        }

        if ((flags & RegisterSpec.ExtendableFlag) != 0)
        {
            names.Add("Extendable");
        }

        if ((flags & RegisterSpec.ReadableFlag) != 0)
        {
            names.Add("Readable");
        }

        if ((flags & RegisterSpec.LiveFlag) != 0)
        {
            names.Add("Live");
        }

        return names.Count == 0 ? Runtime + "RegisterFlags.None" : string.Join(" | ", names.Select(static n => Runtime + "RegisterFlags." + n));
    }
}
