using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>A binary report layout (TDREPORT, SNP report, ...): the input of the report parsers.</summary>
internal sealed record ReportSpec(
    string Name,
    string TypeName,
    string? Description,
    int Size,
    string? VersionField,
    EquatableArray<ReportCheckSpec> Checks,
    EquatableArray<ReportFieldSpec> Fields);
