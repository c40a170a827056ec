using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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
    /// Reads every schema file of the compilation. Two files generating one type are resolved the way the generator
    /// resolves them (<see cref="TypeOwnership"/>), so the analyzers see exactly the classes that exist.
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

            if (SchemaFileCache.Read(file, cancellationToken)?.Spec is { } spec)
            {
                specs.Add((file.Path, spec));
            }
        }

        Dictionary<string, VendorKey> claims = TypeOwnership.Claims(specs.Select(static s => VendorKey.From(s.Spec, s.Path)));
        var byClassName = new Dictionary<string, VendorModel>(StringComparer.Ordinal);
        foreach ((string path, VendorSpec spec) in specs.OrderBy(static s => s.Path, StringComparer.Ordinal))
        {
            if (claims.TryGetValue(spec.ClassName, out VendorKey? owner) && owner.Path == path && !byClassName.ContainsKey(spec.ClassName))
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
}
