using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Tsm.Generators.Diagnostics;

/// <summary>Lookup of every descriptor declared in <see cref="DiagnosticDescriptors"/>, by ID.</summary>
internal static class DiagnosticCatalog
{
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(static f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(static d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    public static DiagnosticDescriptor Find(string id)
    {
        foreach (DiagnosticDescriptor descriptor in All)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        throw new ArgumentException("Unknown diagnostic ID " + id, nameof(id));
    }
}
