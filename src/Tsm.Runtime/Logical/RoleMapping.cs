namespace Tsm;

/// <summary>One row of a platform's logical-register table: a role and the register name the schema maps it to.</summary>
/// <param name="Role">The role.</param>
/// <param name="RegisterName">
/// The schema name of the register (<c>rtmr3</c>, <c>pcr23</c>, <c>rem3</c>). On a crypto-agile device (a TPM) the name
/// covers every bank: the role's register is that PCR in each bank.
/// </param>
/// <param name="Description">Why the platform uses this register for the role, with its source.</param>
public sealed record RoleMapping(MeasurementRole Role, string RegisterName, string? Description = null);
