using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators;

/// <summary>
/// The analyzers' reading of schema files: <see cref="SchemaParser"/> once per file text, cached per additional file
/// and revalidated by text identity (the IDE keeps both alive while unchanged), so <see cref="Diagnostics.SchemaFileAnalyzer"/>
/// and the usage analyzers, which all need every schema of the compilation, parse each file once.
/// </summary>
internal static class SchemaFileCache
{
    private static readonly ConditionalWeakTable<AdditionalText, CacheBox> Cache = new();

    /// <summary>The file read as a schema, or null when it has no text (a <c>&lt;TsmSchema&gt;</c> path that names no file).</summary>
    public static SchemaResult? Read(AdditionalText file, CancellationToken cancellationToken)
    {
        SourceText? text = file.GetText(cancellationToken);
        if (text is null)
        {
            return null;
        }

        CacheBox box = Cache.GetValue(file, static _ => new CacheBox());
        CacheEntry? entry = box.Entry;
        if (entry is not null && ReferenceEquals(entry.Text, text))
        {
            return entry.Result;
        }

        SchemaResult result = SchemaParser.Parse(new SchemaInput(file.Path, text.ToString()), cancellationToken);
        box.Entry = new CacheEntry(text, result);
        return result;
    }

    private sealed class CacheBox
    {
        public volatile CacheEntry? Entry;
    }

    private sealed class CacheEntry
    {
        public CacheEntry(SourceText text, SchemaResult result)
        {
            Text = text;
            Result = result;
        }

        public SourceText Text { get; }

        public SchemaResult Result { get; }
    }
}
