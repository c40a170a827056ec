using System.Collections.Generic;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Json;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>
/// The C# members a report view gets from its fields must not clash: with each other (two field names, one property),
/// with the members every view has, with the names derived from another field (<c>{P}Offset</c>, <c>Has{P}</c>), or
/// with the view's own type name (CS0542). Each clash is a TSM0012 on the field's <c>propertyName</c> or <c>name</c>,
/// so a user's schema can never produce C# that does not compile.
/// </summary>
internal static class ReportMemberRules
{
    /// <summary>
    /// Members every generated view declares (ReportEmitter, ReportBuildEmitter, ReportHashEmitter, ReportVisitEmitter),
    /// its parse passes and private helpers (ReportParseEmitter, ReportAccessEmitter: a field named <c>data</c> would clash with them just
    /// the same) and those of <c>object</c>.
    /// </summary>
    private static readonly string[] ViewMembers =
    {
        "Bytes", "Length", "MinimumSize", "TrailingBytes", "LayoutVersion", "Parse", "TryParse", "Build",
        "BuiltSize", "VisitFields", "InternalHashesMatch",
        "IsValid", "Validate", "Diagnose", "Proven", "RequireParsed", "At", "Present", "Data", "Fail", "ThrowInvalid",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    public static void Check(IReadOnlyList<ReportFieldSpec> fields, IReadOnlyList<TextRange> ranges, string typeName, SchemaContext context)
    {
        // Every member a field generates, with the field that generates it; variants (one name, several occurrences) share theirs.
        var owners = new Dictionary<string, string>(System.StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            ReportFieldSpec field = fields[i];
            if (owners.TryGetValue(field.PropertyName, out string? owner) && owner == field.Name)
            {
                continue;
            }

            string? clash = Clash(field.PropertyName, typeName, owners);
            if (clash is not null)
            {
                context.Report(DiagnosticIds.MemberNameCollision, ranges[i], field.Name, field.PropertyName, clash);
                continue;
            }

            foreach (string derived in new[] { field.PropertyName + "Offset", "Has" + field.PropertyName })
            {
                if (owners.TryGetValue(derived, out string? other) && other != field.Name)
                {
                    context.Report(DiagnosticIds.MemberNameCollision, ranges[i], field.Name, derived, $"is the property of field '{other}'");
                }
            }

            owners[field.PropertyName] = field.Name;
            owners[field.PropertyName + "Offset"] = field.Name;
            owners["Has" + field.PropertyName] = field.Name;
        }
    }

    private static string? Clash(string property, string typeName, Dictionary<string, string> owners)
    {
        if (System.Array.IndexOf(ViewMembers, property) >= 0)
        {
            return "is already a member of every generated report view";
        }

        if (property == typeName)
        {
            return $"is the name of the view type itself ({typeName}); give the field a propertyName";
        }

        return owners.TryGetValue(property, out string? other)
            ? $"is also generated for field '{other}'"
            : null;
    }
}
