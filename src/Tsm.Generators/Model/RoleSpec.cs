namespace Tsm.Generators.Model;

/// <summary>
/// One entry of a schema's <c>logical</c> section: the measurement role (<c>firmware</c>, <c>boot</c>, <c>os</c>,
/// <c>application</c>), the plain name of the register it maps to (every bank of it), and the cited reason.
/// </summary>
internal sealed record RoleSpec(string Role, string RegisterName, string Description);
