using Microsoft.CodeAnalysis;

namespace Tsm.Generators.Diagnostics;

/// <summary>The diagnostic catalog: one descriptor per rule, each with a help link to its docs page.</summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Format: "{0}" (the reader's message, which names what was expected and found).</summary>
    public static readonly DiagnosticDescriptor InvalidJson = Schema(
        DiagnosticIds.InvalidJson,
        "Schema file is not valid JSON",
        "Invalid JSON: {0}");

    /// <summary>Format: "'{0}' is not a key of {1}; expected one of: {2}".</summary>
    public static readonly DiagnosticDescriptor UnknownKey = Schema(
        DiagnosticIds.UnknownKey,
        "Unknown key in schema file",
        "'{0}' is not a key of {1}; expected one of: {2}");

    /// <summary>Format: "{1} is missing the required key '{0}'".</summary>
    public static readonly DiagnosticDescriptor MissingKey = Schema(
        DiagnosticIds.MissingKey,
        "Required key missing in schema file",
        "{1} is missing the required key '{0}'");

    /// <summary>Format: "{0}" (what the value should be).</summary>
    public static readonly DiagnosticDescriptor InvalidValue = Schema(
        DiagnosticIds.InvalidValue,
        "Invalid value in schema file",
        "{0}");

    /// <summary>Format: "'{0}' is not a valid {1}: {2}".</summary>
    public static readonly DiagnosticDescriptor InvalidName = Schema(
        DiagnosticIds.InvalidName,
        "Invalid name in schema file",
        "'{0}' is not a valid {1}: {2}");

    /// <summary>Format: "Register '{0}' has size {1}, but a {2} digest is {3} bytes".</summary>
    public static readonly DiagnosticDescriptor SizeDoesNotMatchHash = Schema(
        DiagnosticIds.SizeDoesNotMatchHash,
        "Register size does not match its hash algorithm",
        "Register '{0}' has size {1}, but a {2} digest is {3} bytes");

    /// <summary>Format: "{0} '{1}' is defined more than once".</summary>
    public static readonly DiagnosticDescriptor DuplicateName = Schema(
        DiagnosticIds.DuplicateName,
        "Duplicate name in schema file",
        "{0} '{1}' is defined more than once");

    /// <summary>Format: "'{0}' refers to register '{1}', which this schema does not define".</summary>
    public static readonly DiagnosticDescriptor UnknownRegisterReference = Schema(
        DiagnosticIds.UnknownRegisterReference,
        "Reference to a register that does not exist",
        "'{0}' refers to register '{1}', which this schema does not define");

    /// <summary>Format: "{0}" (which field, and which bounds or neighbour it violates).</summary>
    public static readonly DiagnosticDescriptor InvalidReportField = Schema(
        DiagnosticIds.InvalidReportField,
        "Report field outside the report or overlapping another field",
        "{0}");

    /// <summary>Format: "{0}" (which register and which value types exist).</summary>
    public static readonly DiagnosticDescriptor UnsupportedValueType = Schema(
        DiagnosticIds.UnsupportedValueType,
        "No runtime value type for this register",
        "{0}");

    /// <summary>Format: "Vendor '{0}' (class {1}) is also defined by '{2}'; this file is not generated".</summary>
    public static readonly DiagnosticDescriptor DuplicateVendor = Schema(
        DiagnosticIds.DuplicateVendor,
        "Two schema files define the same vendor",
        "Vendor '{0}' (class {1}) is also defined by '{2}'; this file is not generated");

    /// <summary>Format: "{0} has {1} schema error(s), so class {2} is an empty placeholder; the first, at ({3}): {4}: {5}".</summary>
    public static readonly DiagnosticDescriptor SchemaNotGenerated = Schema(
        DiagnosticIds.SchemaNotGenerated,
        "Schema file has errors, so its vendor class is not generated",
        "{0} has {1} schema error(s), so class {2} is an empty placeholder; the first, at ({3}): {4}: {5}");

    /// <summary>Format: "Register '{0}' would generate member '{1}', which {2}".</summary>
    public static readonly DiagnosticDescriptor MemberNameCollision = Schema(
        DiagnosticIds.MemberNameCollision,
        "Register name collides with a generated member",
        "Register '{0}' would generate member '{1}', which {2}");

    /// <summary>Format: "{0}" (the role, the register it names, why that register cannot carry it, and which can).</summary>
    public static readonly DiagnosticDescriptor InvalidRoleRegister = Schema(
        DiagnosticIds.InvalidRoleRegister,
        "Logical role mapped to a register that cannot carry it",
        "{0}");

    /// <summary>Format: "Role '{0}' maps to register '{1}', which role '{2}' already maps to; {3}".</summary>
    public static readonly DiagnosticDescriptor SharedRoleRegister = Schema(
        DiagnosticIds.SharedRoleRegister,
        "Two logical roles mapped to one register",
        "Role '{0}' maps to register '{1}', which role '{2}' already maps to; {3}");

    /// <summary>Format: "The {0} would generate the C# type {1}, which '{2}' also generates; this file is not generated".</summary>
    public static readonly DiagnosticDescriptor TypeNameCollision = Schema(
        DiagnosticIds.TypeNameCollision,
        "Two schema files generate a type of the same name",
        "The {0} would generate the C# type {1}, which '{2}' also generates; this file is not generated");

    /// <summary>
    /// Format: "The 'as' type '{0}' {1}, so the field is generated as a plain {2}; {3}" ({1} why, from
    /// <see cref="Schema.AsTypeResolver"/>, {3} what to do). A warning: the schema still generates, only without the type.
    /// </summary>
    public static readonly DiagnosticDescriptor UnusableAsType = Schema(
        DiagnosticIds.UnusableAsType,
        "Report field's 'as' type is not usable in this compilation",
        "The 'as' type '{0}' {1}, so the field is generated as a plain {2}; {3}",
        DiagnosticSeverity.Warning);

    /// <summary>
    /// Format: "The 'as' type '{0}' comes with the Tsm.Attestation package, which this project does not reference, so the
    /// field is generated as a plain {1}; reference Tsm.Attestation to have it as {0}". Info, not a warning: a shipped
    /// schema (sev-snp) names Tsm.Attestation's types, and generating it with only Tsm.Runtime is a supported setup.
    /// </summary>
    public static readonly DiagnosticDescriptor OptionalAsTypeAbsent = Schema(
        DiagnosticIds.OptionalAsTypeAbsent,
        "Report field's 'as' type comes with a package this project does not reference",
        "The 'as' type '{0}' comes with the Tsm.Attestation package, which this project does not reference, so the field is generated as a plain {1}; reference Tsm.Attestation to have it as {0}",
        DiagnosticSeverity.Info);

    /// <summary>
    /// Format: "{0} of {1} is read-only: {2}; {3}" ({0} the register or file, {1} the vendor's display name, {2} why, from
    /// the schema, {3} which registers can be extended).
    /// </summary>
    public static readonly DiagnosticDescriptor ReadOnlyRegisterWrite = Usage(
        DiagnosticIds.ReadOnlyRegisterWrite,
        "Write to a read-only register",
        "{0} of {1} is read-only: {2}; {3}",
        DiagnosticSeverity.Error);

    /// <summary>Format: "{0} of {1} takes {2}, but {3} is {4}" (register, vendor, what it takes, the argument, what it is).</summary>
    public static readonly DiagnosticDescriptor WrongDigest = Usage(
        DiagnosticIds.WrongDigest,
        "Digest of the wrong algorithm or size",
        "{0} of {1} takes {2}, but {3} is {4}",
        DiagnosticSeverity.Error);

    /// <summary>Format: "{0}" (the unknown name or index, the closest valid names and the valid range).</summary>
    public static readonly DiagnosticDescriptor UnknownRegister = Usage(
        DiagnosticIds.UnknownRegister,
        "Unknown register name or index out of range",
        "{0}",
        DiagnosticSeverity.Error);

    /// <summary>Format: "'{0}' reads '{1}', which was overwritten after it was parsed (by {2}); a parsed report is a view over its buffer, not a copy, so it now shows the new bytes".</summary>
    public static readonly DiagnosticDescriptor ReportViewBufferOverwritten = Usage(
        DiagnosticIds.ReportViewBufferOverwritten,
        "Parsed report used after its buffer was overwritten",
        "'{0}' reads '{1}', which was overwritten after it was parsed (by {2}); a parsed report is a view over its buffer, not a copy, so it now shows the new bytes",
        DiagnosticSeverity.Warning);

    /// <summary>Format: "{0} writes {1} of {2} through its kernel file; use the generated API instead ({3}): it checks the size before any I/O, maps errors to typed exceptions and also runs on the emulator".</summary>
    public static readonly DiagnosticDescriptor RawRegisterFileWrite = Usage(
        DiagnosticIds.RawRegisterFileWrite,
        "Register extended through its kernel file",
        "{0} writes {1} of {2} through its kernel file; use the generated API instead ({3}): it checks the size before any I/O, maps errors to typed exceptions and also runs on the emulator",
        DiagnosticSeverity.Info);

    /// <summary>Format: "{0} is the '{1}' logical register of {2}; use {3} or MeasurementPlatforms.Open() so the code runs on every platform".</summary>
    public static readonly DiagnosticDescriptor PhysicalApplicationRegister = Usage(
        DiagnosticIds.PhysicalApplicationRegister,
        "Application register extended through its physical name",
        "{0} is the '{1}' logical register of {2}; use {3} or MeasurementPlatforms.Open() so the code runs on every platform",
        DiagnosticSeverity.Info);

    /// <summary>Format: "'{0}' is marked [MeasurementEvent] but is not partial, so its IMeasurementEvent implementation cannot be generated".</summary>
    public static readonly DiagnosticDescriptor EventTypeNotPartial = Events(
        DiagnosticIds.EventTypeNotPartial,
        "Measurement event type is not partial",
        "'{0}' is marked [MeasurementEvent] but is not partial, so its IMeasurementEvent implementation cannot be generated");

    /// <summary>Format: "The {0} '{1}' cannot be part of an attestation-agent event-log line: {2}" ({0} domain or operation, {2} why).</summary>
    public static readonly DiagnosticDescriptor InvalidEventName = Events(
        DiagnosticIds.InvalidEventName,
        "Invalid measurement event domain or operation",
        "The {0} '{1}' cannot be part of an attestation-agent event-log line: {2}");

    /// <summary>Format: "Member '{0}' of type '{1}' cannot be measured: {2}" ({0} the member's path from the event, {2} why).</summary>
    public static readonly DiagnosticDescriptor UnsupportedEventMember = Events(
        DiagnosticIds.UnsupportedEventMember,
        "Measurement event member has no canonical JSON encoding",
        "Member '{0}' of type '{1}' cannot be measured: {2}");

    /// <summary>Format: "Members '{0}' and '{1}' both have the JSON name \"{2}\"; an RFC 8785 object holds each name once".</summary>
    public static readonly DiagnosticDescriptor DuplicateEventJsonName = Events(
        DiagnosticIds.DuplicateEventJsonName,
        "Two measurement event members have the same JSON name",
        "Members '{0}' and '{1}' both have the JSON name \"{2}\"; an RFC 8785 object holds each name once");

    /// <summary>Format: "'{0}' contains the measurement event '{1}' but is not partial, so the event's implementation cannot be generated".</summary>
    public static readonly DiagnosticDescriptor EventContainerNotPartial = Events(
        DiagnosticIds.EventContainerNotPartial,
        "Type containing a measurement event is not partial",
        "'{0}' contains the measurement event '{1}' but is not partial, so the event's implementation cannot be generated");

    private static DiagnosticDescriptor Events(string id, string title, string format) => new(
        id,
        title,
        format,
        DiagnosticCategories.Events,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.For(id));

    private static DiagnosticDescriptor Usage(string id, string title, string format, DiagnosticSeverity severity) => new(
        id,
        title,
        format,
        DiagnosticCategories.Usage,
        severity,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.For(id));

    private static DiagnosticDescriptor Schema(string id, string title, string format, DiagnosticSeverity severity = DiagnosticSeverity.Error) => new(
        id,
        title,
        format,
        DiagnosticCategories.Schema,
        severity,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.For(id));
}
