using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// One part of a layout's detection signature: a little-endian integer field at a fixed offset, present in every
/// version, whose schema <c>checks</c> allow only <see cref="Allowed"/>.
/// </summary>
internal sealed record CatalogCheck(int Offset, int Size, EquatableArray<long> Allowed);
