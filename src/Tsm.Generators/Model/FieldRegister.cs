namespace Tsm.Generators.Model;

/// <summary>The register a report field reports, and the register's value type the field is shown as (e.g. <c>Sha384Digest</c>).</summary>
internal sealed record FieldRegister(string Name, string ValueType);
