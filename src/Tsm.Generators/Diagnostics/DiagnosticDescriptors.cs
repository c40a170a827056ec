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

    /// <summary>Format: "Register '{0}' would generate member '{1}', which {2}".</summary>
    public static readonly DiagnosticDescriptor MemberNameCollision = Schema(
        DiagnosticIds.MemberNameCollision,
        "Register name collides with a generated member",
        "Register '{0}' would generate member '{1}', which {2}");

    private static DiagnosticDescriptor Schema(string id, string title, string format) => new(
        id,
        title,
        format,
        DiagnosticCategories.Schema,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.For(id));
}
