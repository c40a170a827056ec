using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// One claim of a claim set: the value under integer map key <see cref="Key"/>, of CBOR type <see cref="Type"/>
/// (<c>bytes</c>, <c>text</c>, <c>integer</c>, <c>bytes-array</c> or <c>claim-set-array</c> of <see cref="ClaimSet"/>).
/// <see cref="Size"/> is the exact byte-string length, 0 for any. A claim linked to <see cref="Register"/> takes the
/// register's lengths (<see cref="RegisterSizes"/>: one, or the digest sizes of a hash chosen at run time), its value
/// type when it has a fixed one (<see cref="RegisterValueType"/>, e.g. <c>Sha384Digest</c>), and for a register array
/// its element count (<see cref="RegisterCount"/>, 0 for a single register).
/// </summary>
internal sealed record ClaimSpec(
    string Name,
    string PropertyName,
    long Key,
    string Type,
    string? ClaimSet,
    int Size,
    bool Optional,
    string? Register,
    string? RegisterValueType,
    EquatableArray<int> RegisterSizes,
    int RegisterCount,
    string? Description);
