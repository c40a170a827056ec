using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>A register array (<c>rtmr0..3</c>, a bank's <c>pcr0..23</c>): emitted as an index method such as <c>Rtmr(int)</c>.</summary>
internal sealed record RegisterGroupSpec(
    string ArrayName,
    string MethodName,
    string? Bank,
    string RegisterType,
    EquatableArray<string> PropertyNames);
