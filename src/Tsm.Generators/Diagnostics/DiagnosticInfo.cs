using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Tsm.Generators.Helpers;
using Tsm.Generators.Json;

namespace Tsm.Generators.Diagnostics;

/// <summary>
/// A diagnostic as plain values. <see cref="Diagnostic"/> and <see cref="Location"/> are not value-equatable, so
/// the pipeline carries this and turns it into a <see cref="Diagnostic"/> only when reporting.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    EquatableArray<string> Arguments)
{
    /// <summary>
    /// Facts a code fix needs (for example the size a register should have), passed on as
    /// <see cref="Diagnostic.Properties"/>. Empty for most diagnostics.
    /// </summary>
    public EquatableArray<(string Key, string Value)> Properties { get; init; } = EquatableArray<(string Key, string Value)>.Empty;

    public static DiagnosticInfo At(string id, string filePath, TextRange range, params string[] arguments) => new(
        id,
        filePath,
        range.Start.Offset,
        Math.Max(0, range.End.Offset - range.Start.Offset),
        range.Start.Line,
        range.Start.Column,
        range.End.Line,
        range.End.Column,
        arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        // JSON positions are 1-based; Roslyn's LinePosition is 0-based.
        var span = new LinePositionSpan(
            new LinePosition(StartLine - 1, StartColumn - 1),
            new LinePosition(EndLine - 1, EndColumn - 1));
        Location location = Location.Create(FilePath, new TextSpan(Start, Length), span);
        object[] args = new object[Arguments.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        ImmutableDictionary<string, string?>? properties = null;
        if (Properties.Count > 0)
        {
            ImmutableDictionary<string, string?>.Builder builder = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
            foreach ((string key, string value) in Properties)
            {
                builder[key] = value;
            }

            properties = builder.ToImmutable();
        }

        return Diagnostic.Create(DiagnosticCatalog.Find(Id), location, properties, args);
    }
}
