using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// The register a claim reports: its lengths (<see cref="Sizes"/>: one, or the digest sizes of a hash chosen at run
/// time), its value type when it has a fixed one (<see cref="ValueType"/>, e.g. <c>Sha384Digest</c>), and for a
/// register array its element count (<see cref="Count"/>, 0 for a single register).
/// </summary>
internal sealed record ClaimRegister(string Name, string? ValueType, EquatableArray<int> Sizes, int Count);
