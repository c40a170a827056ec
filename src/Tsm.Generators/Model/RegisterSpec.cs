using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// One register after array and bank expansion (<c>rtmr</c> × 4 becomes <c>rtmr0</c>..<c>rtmr3</c>).
/// <see cref="Hash"/> is a kernel hash name, <c>none</c>, or empty when the hash is one of <see cref="HashChoices"/>.
/// </summary>
internal sealed record RegisterSpec(
    string Name,
    string QualifiedName,
    string FileName,
    string PropertyName,
    int Size,
    string Hash,
    EquatableArray<string> HashChoices,
    int Flags,
    int ExtendInputSize,
    string? AliasOf,
    string? ArrayName,
    int Index,
    string? Bank,
    string? Description,
    int CcMrIndex,
    EquatableArray<int> Pcrs,
    string Initial,
    string? RefreshHash,
    EquatableArray<string> RefreshSources,
    string RegisterType)
{
    public const int NoHashFlag = 1;
    public const int ExtendableFlag = 2;
    public const int ReadableFlag = 4;
    public const int LiveFlag = 8;

    public bool IsExtendable => (Flags & ExtendableFlag) != 0;
}
