using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Analyzers;

/// <summary>
/// The vendor schemas of one compilation, read from the same additional files the generator reads (those marked
/// <c>TsmSchema="true"</c>) with the generator's own <see cref="SchemaParser"/>. Nothing about any vendor is
/// hard-coded in the usage analyzers: registers, files, sizes, hashes and flags all come from here.
/// </summary>
internal sealed class SchemaCatalog
{
    /// <summary>Parsed schemas, cached per additional file and revalidated by text identity (the IDE keeps both alive while unchanged).</summary>
    private static readonly ConditionalWeakTable<AdditionalText, CacheBox> Cache = new();

    private readonly Dictionary<string, VendorModel> _byClassName;
    private readonly Dictionary<string, (VendorModel Vendor, RegisterSpec Register, string? Hash)> _byPath;

    private SchemaCatalog(Dictionary<string, VendorModel> byClassName)
    {
        _byClassName = byClassName;
        _byPath = new Dictionary<string, (VendorModel, RegisterSpec, string?)>(StringComparer.Ordinal);
        foreach (VendorModel vendor in byClassName.Values)
        {
            foreach ((string path, RegisterSpec register, string? hash) in vendor.FilePaths())
            {
                if (!_byPath.ContainsKey(path))
                {
                    _byPath.Add(path, (vendor, register, hash));
                }
            }
        }
    }

    public bool IsEmpty => _byClassName.Count == 0;

    public IEnumerable<VendorModel> Vendors => _byClassName.Values;

    /// <summary>
    /// Reads every schema file of the compilation. Two files generating one class are resolved the way the generator
    /// resolves them (the ordinally first path wins), so the analyzers see exactly the classes that exist.
    /// </summary>
    public static SchemaCatalog Create(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var specs = new List<(string Path, VendorSpec Spec)>();
        foreach (AdditionalText file in options.AdditionalFiles)
        {
            if (!SchemaFiles.IsSchema(file, options.AnalyzerConfigOptionsProvider))
            {
                continue;
            }

            VendorSpec? spec = Parse(file, cancellationToken);
            if (spec is not null)
            {
                specs.Add((file.Path, spec));
            }
        }

        var byClassName = new Dictionary<string, VendorModel>(StringComparer.Ordinal);
        foreach ((string _, VendorSpec spec) in specs.OrderBy(static s => s.Path, StringComparer.Ordinal))
        {
            if (!byClassName.ContainsKey(spec.ClassName))
            {
                byClassName.Add(spec.ClassName, new VendorModel(spec));
            }
        }

        return new SchemaCatalog(byClassName);
    }

    public VendorModel? FindByClassName(string className) =>
        _byClassName.TryGetValue(className, out VendorModel? vendor) ? vendor : null;

    /// <summary>The register whose kernel file is <paramref name="path"/> (absolute, already normalised), with the hash a hash-choice file name selects.</summary>
    public bool TryFindFile(string path, out VendorModel vendor, out RegisterSpec register, out string? hash)
    {
        if (_byPath.TryGetValue(path, out (VendorModel Vendor, RegisterSpec Register, string? Hash) found))
        {
            (vendor, register, hash) = found;
            return true;
        }

        vendor = null!;
        register = null!;
        hash = null;
        return false;
    }

    private static VendorSpec? Parse(AdditionalText file, CancellationToken cancellationToken)
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
            return entry.Spec;
        }

        VendorSpec? spec = SchemaParser.Parse(new SchemaInput(file.Path, text.ToString()), cancellationToken).Spec;
        box.Entry = new CacheEntry(text, spec);
        return spec;
    }

    private sealed class CacheBox
    {
        public volatile CacheEntry? Entry;
    }

    private sealed class CacheEntry
    {
        public CacheEntry(SourceText text, VendorSpec? spec)
        {
            Text = text;
            Spec = spec;
        }

        public SourceText Text { get; }

        public VendorSpec? Spec { get; }
    }
}
