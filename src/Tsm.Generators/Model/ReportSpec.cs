using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// A binary report layout (TDREPORT, TD quote, SNP report, ...): the input of the generated parsers.
/// <see cref="Size"/> is the minimum size: the fixed prefix every input must have.
/// </summary>
internal sealed record ReportSpec(
    string Name,
    string TypeName,
    string? Description,
    int Size,
    string? VersionField,
    bool VersionFromParent,
    bool Trailing,
    string? UserDataField,
    EquatableArray<ReportCheckSpec> Checks,
    EquatableArray<ReportFieldSpec> Fields)
{
    /// <summary>True when every field has a constant offset and size and is always present.</summary>
    public bool IsFixed
    {
        get
        {
            foreach (ReportFieldSpec candidate in Fields)
            {
                if (candidate.IsDynamic || candidate.IsConditional || candidate.Type == FieldType.Layout)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
