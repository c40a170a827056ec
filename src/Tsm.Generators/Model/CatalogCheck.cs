using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// One part of a layout's detection signature: the little-endian integer field <see cref="Field"/> at a fixed offset,
/// present in every version, whose schema <c>checks</c> allow only <see cref="Allowed"/>.
/// </summary>
internal sealed record CatalogCheck(string Field, int Offset, int Size, EquatableArray<long> Allowed);
