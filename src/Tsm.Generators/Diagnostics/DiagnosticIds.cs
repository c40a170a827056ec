namespace Tsm.Generators.Diagnostics;

/// <summary>
/// Every diagnostic ID in one place. TSM0001-TSM0999 are about schema files, TSM1000-TSM1999 about C# usage,
/// TSM2001-TSM2999 about measurement event types (<c>[MeasurementEvent]</c>).
/// </summary>
internal static class DiagnosticIds
{
    public const string InvalidJson = "TSM0001";
    public const string UnknownKey = "TSM0002";
    public const string MissingKey = "TSM0003";
    public const string InvalidValue = "TSM0004";
    public const string InvalidName = "TSM0005";
    public const string SizeDoesNotMatchHash = "TSM0006";
    public const string DuplicateName = "TSM0007";
    public const string UnknownRegisterReference = "TSM0008";
    public const string InvalidReportField = "TSM0009";
    public const string UnsupportedValueType = "TSM0010";
    public const string DuplicateVendor = "TSM0011";
    public const string MemberNameCollision = "TSM0012";
    public const string SchemaNotGenerated = "TSM0013";
    public const string InvalidRoleRegister = "TSM0014";
    public const string SharedRoleRegister = "TSM0015";
    public const string TypeNameCollision = "TSM0016";
    public const string UnusableAsType = "TSM0017";
    public const string OptionalAsTypeAbsent = "TSM0018";

    // C# usage of the generated classes (src/Tsm.Generators/Analyzers).
    public const string ReadOnlyRegisterWrite = "TSM1001";
    public const string WrongDigest = "TSM1002";
    public const string UnknownRegister = "TSM1003";
    public const string ReportViewBufferOverwritten = "TSM1004";
    public const string RawRegisterFileWrite = "TSM1005";
    public const string PhysicalApplicationRegister = "TSM1006";

    // Measurement event types (src/Tsm.Generators/Events).
    public const string EventTypeNotPartial = "TSM2001";
    public const string InvalidEventName = "TSM2002";
    public const string UnsupportedEventMember = "TSM2003";
    public const string DuplicateEventJsonName = "TSM2004";
    public const string EventContainerNotPartial = "TSM2005";
}
