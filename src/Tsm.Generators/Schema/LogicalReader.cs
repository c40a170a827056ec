using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;
using Tsm.Generators.Json;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>
/// Reads the <c>logical</c> section: role name → <c>{ "register", "description" }</c>. A role names a register by its
/// plain name (every bank of it: <c>pcr23</c>, not <c>pcr23:sha256</c>), which must be extendable and not an alias,
/// because the runtime's <c>DeviceDefinition.Roles</c> accepts nothing else; each register carries at most one role.
/// </summary>
internal static class LogicalReader
{
    /// <summary>The role names, in the order of <c>Tsm.MeasurementRole</c> (<c>MeasurementRoleNames</c> spells them the same).</summary>
    public static readonly string[] RoleNames = { "firmware", "boot", "os", "application" };

    private static readonly string[] MappingKeys = { "register", "description" };

    public static EquatableArray<RoleSpec> Read(JsonNode node, EquatableArray<RegisterSpec> registers, SchemaContext context)
    {
        ObjectReader? section = ObjectReader.Create(node, "'logical'", RoleNames, context);
        if (section is null)
        {
            return EquatableArray<RoleSpec>.Empty;
        }

        var roles = new List<RoleSpec>();
        var roleOfRegister = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (JsonProperty property in section.Json.Properties)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (System.Array.IndexOf(RoleNames, property.Name) < 0)
            {
                continue;
            }

            ObjectReader? mapping = ObjectReader.Create(property.Value, $"role '{property.Name}'", MappingKeys, context);
            JsonString? register = mapping?.String("register", required: true);
            JsonString? description = mapping?.String("description", required: true);
            if (description is not null && description.Value.Trim().Length == 0)
            {
                context.Report(DiagnosticIds.InvalidValue, description.Range, $"the 'description' of role '{property.Name}' must say why this register, and cite the source");
                description = null;
            }

            if (register is null || !IsUsable(property.Name, register, registers, context))
            {
                continue;
            }

            if (roleOfRegister.TryGetValue(register.Value, out string? other))
            {
                context.Report(
                    DiagnosticIds.SharedRoleRegister,
                    register.Range,
                    property.Name,
                    register.Value,
                    other,
                    "a role's register must hold only that role's events, so a verifier can set a policy for one role (the application's) without replaying the others");
                continue;
            }

            roleOfRegister.Add(register.Value, property.Name);
            if (description is not null)
            {
                roles.Add(new RoleSpec(property.Name, register.Value, description.Value));
            }
        }

        return roles.ToEquatableArray();
    }

    private static bool IsUsable(string role, JsonString reference, EquatableArray<RegisterSpec> registers, SchemaContext context)
    {
        string name = reference.Value;
        List<RegisterSpec> named = registers.Where(r => r.Name == name).ToList();
        if (named.Count == 0)
        {
            if (context.IsBrokenRegister(name))
            {
                return false;
            }

            RegisterSpec? bank = registers.FirstOrDefault(r => r.QualifiedName == name);
            string? meant = bank?.Name ?? KeySuggestion.Closest(name, registers.Select(static r => r.Name).Distinct());
            string problem = bank is not null
                ? $"names one hash of register '{bank.Name}'; a role takes the plain register name and covers every bank"
                : "which this schema does not define" + (meant is null ? string.Empty : $"; did you mean '{meant}'?");
            context.Report(DiagnosticIds.InvalidRoleRegister, reference.Range, $"Role '{role}' maps to '{name}', {problem} ({Usable(registers)})");
            return false;
        }

        if (named.FirstOrDefault(static r => r.AliasOf is not null) is RegisterSpec alias)
        {
            context.Report(DiagnosticIds.InvalidRoleRegister, reference.Range, $"Role '{role}' maps to '{name}', an alias of '{alias.AliasOf}'; map the role to the register that owns the storage ({Usable(registers)})");
            return false;
        }

        if (named.Any(static r => !r.IsExtendable))
        {
            context.Report(DiagnosticIds.InvalidRoleRegister, reference.Range, $"Role '{role}' maps to '{name}', which is not extendable, so nothing could be measured into it ({Usable(registers)})");
            return false;
        }

        return true;
    }

    /// <summary>The registers a role can name, for the end of every message.</summary>
    private static string Usable(EquatableArray<RegisterSpec> registers)
    {
        string names = string.Join(", ", registers.Where(static r => r.IsExtendable && r.AliasOf is null).Select(static r => r.Name).Distinct());
        return names.Length == 0 ? "this schema has no extendable register that is not an alias" : "extendable registers: " + names;
    }
}
