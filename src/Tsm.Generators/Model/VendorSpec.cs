using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>Everything the emitter needs about one vendor schema, as plain values.</summary>
internal sealed record VendorSpec(
    string Vendor,
    string ClassName,
    string DisplayName,
    string? Description,
    string SysfsDirectory,
    string Encoding,
    EquatableArray<RegisterSpec> Registers,
    EquatableArray<RegisterGroupSpec> Groups,
    EquatableArray<BankSpec> Banks,
    EquatableArray<ReportSpec> Reports,
    EquatableArray<ClaimSetSpec> ClaimSets,
    EquatableArray<RoleSpec> Roles);
