using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;

namespace Tsm.Generators.Events;

/// <summary>
/// Reads one <c>[MeasurementEvent]</c> declaration into an <see cref="EventResult"/>: the type's place, its domain and
/// operation checked against the attestation-agent event-log grammar, and its public instance properties (inherited
/// ones included) with their
/// encodings, sorted by UTF-16 code units as RFC 8785 §3.2.3 sorts object members, so the runtime writer only writes.
/// </summary>
internal static class EventReader
{
    public const string AttributeName = "Tsm.MeasurementEventAttribute";

    private const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";

    private const string Supported = "supported are string, bool, integers of up to 64 bits, their nullable forms, records of those, and arrays or IReadOnlyList<T> of them";

    /// <summary>The declarations the attribute may be on: classes, structs and records (the attribute allows no other).</summary>
    public static bool IsCandidate(SyntaxNode node) => node is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax;

    public static EventResult Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Read((TypeDeclarationSyntax)context.TargetNode, (INamedTypeSymbol)context.TargetSymbol, context.Attributes[0], cancellationToken);

    public static EventResult Read(TypeDeclarationSyntax declaration, INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        bool generatable = true;
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(SourceDiagnostics.At(DiagnosticIds.EventTypeNotPartial, declaration.Identifier.GetLocation(), type.Name));
            generatable = false;
        }

        var containers = new List<EventContainer>();
        foreach (TypeDeclarationSyntax outer in declaration.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!outer.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(SourceDiagnostics.At(DiagnosticIds.EventContainerNotPartial, outer.Identifier.GetLocation(), outer.Identifier.ValueText, type.Name));
                generatable = false;
            }

            containers.Insert(0, new EventContainer(Keyword(outer), outer.Identifier.ValueText + TypeParameters(outer)));
        }

        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        string domain = Argument(attribute, 0);
        string operation = Argument(attribute, 1);
        CheckName("domain", domain, ArgumentLocation(attributeSyntax, 0, "domain"), diagnostics);
        CheckName("operation", operation, ArgumentLocation(attributeSyntax, 1, "operation"), diagnostics);

        EquatableArray<EventMember> members = ReadMembers(type, string.Empty, null, new List<ITypeSymbol> { type }, diagnostics, cancellationToken);
        EventSpec? spec = generatable
            ? new EventSpec(
                HintName(type),
                type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
                containers.ToEquatableArray(),
                Keyword(declaration),
                type.Name + TypeParameters(declaration),
                domain,
                operation,
                members,
                HasMember(type, "Content"))
            : null;
        return new EventResult(spec, diagnostics.ToEquatableArray());
    }

    // The members of the event (prefix empty) or of a record nested in it; a nested record's problems are reported on
    // the event's member that leads to it, since the record may be declared in another file or assembly.
    private static EquatableArray<EventMember> ReadMembers(
        INamedTypeSymbol type,
        string prefix,
        Location? reportAt,
        List<ITypeSymbol> enclosing,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var members = new List<EventMember>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (IPropertySymbol property in PublicProperties(type))
        {
            cancellationToken.ThrowIfCancellationRequested();

            string path = prefix + property.Name;
            Location location = reportAt ?? property.Locations.FirstOrDefault() ?? Location.None;
            string jsonName = JsonName(property);
            EventMember? member = ReadMember(property, jsonName, path, location, enclosing, diagnostics, cancellationToken);
            if (member is null)
            {
                continue;
            }

            if (owners.TryGetValue(jsonName, out string? first))
            {
                diagnostics.Add(SourceDiagnostics.At(DiagnosticIds.DuplicateEventJsonName, location, first, path, jsonName));
                continue;
            }

            owners.Add(jsonName, path);
            members.Add(member);
        }

        return members.OrderBy(static m => m.JsonName, StringComparer.Ordinal).ToEquatableArray();
    }

    private static bool HasMember(INamedTypeSymbol type, string name)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (!current.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    // The type's own public instance properties, then its base types' (a derived record measures what it inherits);
    // a property that overrides or hides one of a base type's stands for it.
    private static IEnumerable<IPropertySymbol> PublicProperties(INamedTypeSymbol type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (ISymbol symbol in current.GetMembers())
            {
                if (symbol is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod.DeclaredAccessibility: Accessibility.Public } property
                    && seen.Add(property.Name))
                {
                    yield return property;
                }
            }
        }
    }

    private static EventMember? ReadMember(
        IPropertySymbol property,
        string jsonName,
        string path,
        Location location,
        List<ITypeSymbol> enclosing,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        ITypeSymbol element = property.Type;
        bool list = false;
        if (element is IArrayTypeSymbol { Rank: 1 } array)
        {
            element = array.ElementType;
            list = true;
        }
        else if (element is INamedTypeSymbol { IsGenericType: true } generic
                 && generic.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IReadOnlyList_T)
        {
            element = generic.TypeArguments[0];
            list = true;
        }

        bool nullable = false;
        if (element is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped)
        {
            element = wrapped.TypeArguments[0];
            nullable = true;
        }

        EventValueKind? kind = element.SpecialType switch
        {
            SpecialType.System_String => EventValueKind.String,
            SpecialType.System_Boolean => EventValueKind.Boolean,
            SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64 => EventValueKind.Signed,
            SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 => EventValueKind.Unsigned,
            _ => null,
        };
        if (kind is not null)
        {
            return new EventMember(jsonName, property.Name, kind.Value, nullable, list, EquatableArray<EventMember>.Empty);
        }

        string? reason = element.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal
            ? "RFC 8785 numbers are IEEE doubles; measure integers or strings"
            : element is not INamedTypeSymbol { IsRecord: true } record ? Supported
            : record.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == AttributeName) ? "a nested value is a plain record, not itself a [MeasurementEvent]"
            : enclosing.Contains(record, SymbolEqualityComparer.Default) ? "the record contains itself, so its JSON would never end"
            : null;
        if (reason is not null)
        {
            diagnostics.Add(SourceDiagnostics.At(DiagnosticIds.UnsupportedEventMember, location, path, property.Type.ToDisplayString(), reason));
            return null;
        }

        var nested = (INamedTypeSymbol)element;
        enclosing.Add(nested);
        EquatableArray<EventMember> members = ReadMembers(nested, path + ".", location, enclosing, diagnostics, cancellationToken);
        enclosing.RemoveAt(enclosing.Count - 1);
        return new EventMember(jsonName, property.Name, nested.IsValueType ? EventValueKind.RecordStruct : EventValueKind.Record, nullable, list, members);
    }

    private static string JsonName(IPropertySymbol property)
    {
        foreach (AttributeData attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == JsonPropertyNameAttribute
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return JsonNames.CamelCase(property.Name);
    }

    // The attestation agent's grammar (guest-components eventlog/mod.rs): domain and operation are printable ASCII
    // without whitespace, since single spaces separate the line's three fields; a domain INIT would read as the INIT line.
    private static void CheckName(string what, string value, Location location, List<DiagnosticInfo> diagnostics)
    {
        string? reason = value.Length == 0 ? "it is empty"
            : value.IndexOf(' ') >= 0 ? "it holds a space, and spaces separate the line's fields"
            : value.Any(static c => c < '!' || c > '~') ? "it holds a character that is not printable ASCII"
            : what == "domain" && value == "INIT" ? "the line would read as the log's INIT line"
            : null;
        if (reason is not null)
        {
            diagnostics.Add(SourceDiagnostics.At(DiagnosticIds.InvalidEventName, location, what, value, reason));
        }
    }

    // Constructor arguments in declaration order whatever the call's order; a non-constant argument is the compiler's error.
    private static string Argument(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string ?? string.Empty : string.Empty;

    private static Location ArgumentLocation(AttributeSyntax? attribute, int index, string name)
    {
        if (attribute?.ArgumentList is not { } arguments)
        {
            return attribute?.GetLocation() ?? Location.None;
        }

        AttributeArgumentSyntax? argument = arguments.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name)
            ?? (arguments.Arguments.Count > index && arguments.Arguments[index].NameColon is null ? arguments.Arguments[index] : null);
        return (argument ?? (SyntaxNode)attribute).GetLocation();
    }

    // Modifiers every part may repeat (readonly and ref on structs), then partial and the kind.
    private static string Keyword(TypeDeclarationSyntax declaration)
    {
        IEnumerable<string> modifiers = declaration.Modifiers
            .Where(static m => m.IsKind(SyntaxKind.ReadOnlyKeyword) || m.IsKind(SyntaxKind.RefKeyword))
            .Select(static m => m.Text);
        string kind = declaration is RecordDeclarationSyntax record
            ? record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record"
            : declaration.Keyword.Text;
        return string.Join(" ", modifiers.Concat(new[] { "partial", kind }));
    }

    private static string TypeParameters(TypeDeclarationSyntax declaration) =>
        declaration.TypeParameterList is { } list ? "<" + string.Join(", ", list.Parameters.Select(static p => p.Identifier.ValueText)) + ">" : string.Empty;

    private static string HintName(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        // "-Event": a character no C# name holds, so the hint never equals a vendor class's or report's ("Tdx.TdQuote.g.cs").
        return (type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString() + ".") + name + "-Event.g.cs";
    }
}
