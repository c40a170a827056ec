using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Analyzers;

/// <summary>
/// Writes to register files through <c>System.IO</c> on a constant path: the schema's device directory plus a register
/// file name (<c>/sys/class/misc/tdx_guest/measurements/mrtd:sha384</c>). A read-only register, or a device whose files
/// are read-only text, gets TSM1001; text written into a binary register file, or bytes of a known wrong size, get
/// TSM1002; a byte write to an extendable register gets TSM1005 (use the typed API), with a code fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RegisterFileAnalyzer : DiagnosticAnalyzer
{
    private const int MaxDepth = 3;

    // System.IO.FileMode / FileAccess values (stable since .NET Framework 1.0).
    private const int FileModeAppend = 6;
    private const int FileAccessWrite = 2;

    private enum WriteKind
    {
        None,
        Bytes,
        Text,
        Stream,
    }

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ReadOnlyRegisterWrite,
        DiagnosticDescriptors.WrongDigest,
        DiagnosticDescriptors.RawRegisterFileWrite);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            SchemaCatalog catalog = SchemaCatalog.Create(start.Options, start.CancellationToken);
            if (catalog.IsEmpty)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, catalog), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, catalog), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SchemaCatalog catalog)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (!method.IsStatic || method.ContainingType is not { Name: "File" } type || !Operations.IsInNamespace(type, "System.IO"))
        {
            return;
        }

        (WriteKind kind, string pathParameter, string? how) = method.Name switch
        {
            "WriteAllBytes" or "WriteAllBytesAsync" or "AppendAllBytes" or "AppendAllBytesAsync" => (WriteKind.Bytes, "path", null),
            "WriteAllText" or "WriteAllTextAsync" or "AppendAllText" or "AppendAllTextAsync" or
            "WriteAllLines" or "WriteAllLinesAsync" or "AppendAllLines" or "AppendAllLinesAsync" or
            "CreateText" or "AppendText" => (WriteKind.Text, "path", null),
            "OpenWrite" or "Create" => (WriteKind.Stream, "path", null),
            "Copy" => (WriteKind.Stream, "destFileName", "File.Copy overwrites the file"),
            "Open" or "OpenHandle" => OpenKind(invocation.Arguments, defaultAccessIsRead: method.Name == "OpenHandle"),
            _ => (WriteKind.None, string.Empty, null),
        };

        if (kind != WriteKind.None)
        {
            Analyze(context, catalog, invocation.Arguments, kind, pathParameter, "File." + method.Name, how, method.Name == "WriteAllBytes");
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, SchemaCatalog catalog)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is not { ContainingType.Name: "FileStream" or "StreamWriter" } constructor ||
            !Operations.IsInNamespace(constructor.ContainingType, "System.IO") ||
            constructor.Parameters.Length == 0 || constructor.Parameters[0] is not { Name: "path", Type.SpecialType: SpecialType.System_String })
        {
            return;
        }

        string typeName = constructor.ContainingType.Name;
        (WriteKind kind, string pathParameter, string? how) = typeName switch
        {
            "FileStream" => OpenKind(creation.Arguments, defaultAccessIsRead: false),
            "StreamWriter" => (WriteKind.Text, "path", null),
            _ => (WriteKind.None, string.Empty, null),
        };

        if (kind != WriteKind.None)
        {
            Analyze(context, catalog, creation.Arguments, kind, pathParameter, "new " + typeName, how, fixable: false);
        }
    }

    /// <summary>
    /// <c>File.Open</c>, <c>File.OpenHandle</c> and <c>new FileStream</c> write when their access includes
    /// <c>FileAccess.Write</c>. Without an access argument, <c>Open</c>/<c>FileStream</c> open read-write (write-only for
    /// <c>FileMode.Append</c>) and <c>OpenHandle</c> opens read-only. A non-constant access or a <c>FileStreamOptions</c> is not judged.
    /// </summary>
    private static (WriteKind, string, string?) OpenKind(ImmutableArray<IArgumentOperation> arguments, bool defaultAccessIsRead)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter?.Type.Name == "FileStreamOptions")
            {
                return (WriteKind.None, string.Empty, null);
            }
        }

        IArgumentOperation? access = Operations.Argument(arguments, "access");
        if (access is not null)
        {
            return access.Value.ConstantValue is { HasValue: true, Value: int value } && (value & FileAccessWrite) != 0
                ? (WriteKind.Stream, "path", "it is opened with write access")
                : (WriteKind.None, string.Empty, null);
        }

        if (defaultAccessIsRead)
        {
            return (WriteKind.None, string.Empty, null);
        }

        IArgumentOperation? mode = Operations.Argument(arguments, "mode");
        return mode?.Value.ConstantValue is { HasValue: true, Value: int modeValue }
            ? (WriteKind.Stream, "path", modeValue == FileModeAppend
                ? "FileMode.Append opens it for writing"
                : "without a FileAccess argument the file is opened read-write")
            : (WriteKind.None, string.Empty, null);
    }

    private static void Analyze(
        OperationAnalysisContext context,
        SchemaCatalog catalog,
        ImmutableArray<IArgumentOperation> arguments,
        WriteKind kind,
        string pathParameter,
        string api,
        string? how,
        bool fixable)
    {
        IArgumentOperation? pathArgument = Operations.Argument(arguments, pathParameter);
        string? path = pathArgument is null ? null : ConstantPath(pathArgument.Value, 0);
        if (path is null || !catalog.TryFindFile(Normalize(path), out VendorModel vendor, out RegisterSpec register, out string? selectedHash))
        {
            return;
        }

        // A hash-choice file name selects one hash: "rem0:sha256" takes exactly a SHA-256 digest.
        if (selectedHash is not null)
        {
            register = register with
            {
                QualifiedName = register.Name + ":" + selectedHash,
                Hash = selectedHash,
                HashChoices = Helpers.EquatableArray<string>.Empty,
                Size = HashAlgorithms.DigestSize(selectedHash),
                ExtendInputSize = 0,
            };
        }

        string name = register.QualifiedName;
        Location location = context.Operation.Syntax.GetLocation();
        if (vendor.HasReadOnlyFiles)
        {
            string instead = register.IsExtendable
                ? $"extend {name} through the device ({vendor.ClassName}.{vendor.AccessorOf(register)}.Extend), not through this file"
                : vendor.ExtendableSummary();
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ReadOnlyRegisterWrite,
                location,
                "the file of " + name,
                vendor.DisplayName,
                "the kernel exposes " + vendor.DisplayName + " registers as read-only text files (device encoding 'hex' in the schema)",
                instead + (how is null ? string.Empty : " (" + how + ")")));
            return;
        }

        if (!register.IsExtendable)
        {
            string summary = vendor.ExtendableSummary();
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ReadOnlyRegisterWrite,
                location,
                name,
                vendor.DisplayName,
                VendorModel.Why(register),
                how is null ? summary : summary + " (" + how + ")"));
            return;
        }

        if (kind == WriteKind.Text)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.WrongDigest,
                location,
                name,
                vendor.DisplayName,
                VendorModel.DescribeInput(register),
                "what " + api + " writes",
                $"text, not the digest's raw bytes (the kernel extends with the first {VendorModel.Invariant(VendorModel.InputSize(register))} bytes of a longer write and rejects a shorter one)"));
            return;
        }

        IArgumentOperation? data = kind == WriteKind.Bytes ? Operations.Argument(arguments, "bytes") : null;
        if (data is not null && DigestEvaluator.Evaluate(data.Value) is DigestFacts facts && facts.Mismatches(register))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.WrongDigest,
                Operations.ArgumentSyntax(data).GetLocation(),
                name,
                vendor.DisplayName,
                VendorModel.DescribeInput(register),
                facts.Source,
                facts.What));
        }

        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.VendorClass, vendor.ClassName)
            .Add(DiagnosticProperties.RegisterAccessor, vendor.AccessorOf(register));
        if (GeneratedNamespace(context.Compilation, vendor.ClassName) is string vendorNamespace)
        {
            properties = properties.Add(DiagnosticProperties.VendorNamespace, vendorNamespace);
            if (fixable && data is not null && arguments.IndexOf(data) is int index && index >= 0)
            {
                properties = properties.Add(DiagnosticProperties.DataArgument, index.ToString(CultureInfo.InvariantCulture));
            }
        }

        string variable = char.ToLowerInvariant(vendor.ClassName[0]) + vendor.ClassName.Substring(1);
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.RawRegisterFileWrite,
            location,
            properties,
            api,
            name,
            vendor.DisplayName,
            $"using var {variable} = {vendor.ClassName}.Open(); {variable}.{vendor.AccessorOf(register)}.Extend(digest)"));
    }

    /// <summary>The namespace of the generated class (configurable through <c>TsmNamespace</c>), or null when it is not in the compilation.</summary>
    private static string? GeneratedNamespace(Compilation compilation, string className)
    {
        INamedTypeSymbol? device = compilation.GetTypeByMetadataName("Tsm.MeasurementDevice");
        if (device is null)
        {
            return null;
        }

        foreach (ISymbol symbol in compilation.GetSymbolsWithName(className, SymbolFilter.Type))
        {
            if (symbol is INamedTypeSymbol { ContainingType: null } type && SymbolEqualityComparer.Default.Equals(type.BaseType, device))
            {
                return type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
            }
        }

        return null;
    }

    /// <summary>A constant string, or <c>Path.Combine</c>/<c>Path.Join</c> of constants, or a local assigned once from one.</summary>
    private static string? ConstantPath(IOperation? operation, int depth)
    {
        operation = Operations.StripConversions(operation);
        if (operation is null)
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        if (depth >= MaxDepth)
        {
            return null;
        }

        if (operation is ILocalReferenceOperation local)
        {
            return ConstantPath(LocalValues.SingleValue(local), depth + 1);
        }

        if (operation is not IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Combine" or "Join", ContainingType.Name: "Path" } method } invocation ||
            !Operations.IsInNamespace(method.ContainingType, "System.IO"))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                if (Operations.StripConversions(argument.Value) is not IArrayCreationOperation { Initializer: { } initializer })
                {
                    return null;
                }

                foreach (IOperation element in initializer.ElementValues)
                {
                    if (ConstantPath(element, depth + 1) is not string part)
                    {
                        return null;
                    }

                    parts.Add(part);
                }
            }
            else if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && ConstantPath(argument.Value, depth + 1) is string part)
            {
                parts.Add(part);
            }
            else
            {
                return null;
            }
        }

        return method.Name == "Combine" ? Combine(parts) : Join(parts);
    }

    /// <summary><c>Path.Combine</c> on Linux: a rooted part restarts the path.</summary>
    private static string Combine(List<string> parts)
    {
        var builder = new StringBuilder();
        foreach (string part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (part[0] == '/')
            {
                builder.Clear();
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '/')
            {
                builder.Append('/');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }

    /// <summary><c>Path.Join</c>: concatenates with one separator between non-empty parts.</summary>
    private static string Join(List<string> parts)
    {
        var builder = new StringBuilder();
        foreach (string part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0 && builder[builder.Length - 1] != '/' && part[0] != '/')
            {
                builder.Append('/');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }

    /// <summary>Collapses repeated separators and <c>/./</c> segments, the spellings that name the same file.</summary>
    private static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (string segment in path.Split('/'))
        {
            if (segment.Length > 0 && segment != ".")
            {
                segments.Add(segment);
            }
        }

        return (path.StartsWith("/", System.StringComparison.Ordinal) ? "/" : string.Empty) + string.Join("/", segments);
    }
}
