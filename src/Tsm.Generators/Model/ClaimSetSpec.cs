using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// One CBOR map of claims (an EAT/CWT claims set such as an Arm CCA realm token payload): the input of a generated
/// claim-set parser. Claims are identified by their integer map key, the way report fields are by their offset.
/// </summary>
internal sealed record ClaimSetSpec(
    string Name,
    string TypeName,
    string? Description,
    EquatableArray<ClaimSpec> Claims);
