using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tsm.Generators.Helpers;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes <c>TsmCatalog</c>: every vendor of the compilation (id, definition, <c>Open</c>), every outermost report
/// layout (name, type, size, detection signature from its fixed-offset <c>checks</c> and that signature in words,
/// parse and parse-and-visit entry points) and every claim set, so that tools list and decode them without naming
/// each. It depends only on <see cref="CatalogVendor"/> values, so editing a schema's descriptions leaves it cached.
/// </summary>
internal static class CatalogEmitter
{
    private const string Runtime = "global::Tsm.";
    private const string Span = "global::System.ReadOnlySpan<byte>";
    private const string Binary = "global::System.Buffers.Binary.BinaryPrimitives";
    private const string StringList = "global::System.Collections.Generic.IReadOnlyList<string>";

    public static string Emit(EquatableArray<CatalogVendor> vendors, string @namespace, string accessibility)
    {
        string names = string.Join(", ", vendors.Select(static v => v.Vendor));
        var layouts = vendors.SelectMany(v => v.Layouts.Select(l => (Vendor: v, Layout: l))).ToList();
        var claimSets = vendors.SelectMany(static v => v.ClaimSets).ToList();
        string Type(string typeName) => $"global::{@namespace}.{typeName}";

        var w = new SourceWriter();
        w.FileHeader($"from the vendor schemas {names}. Edit the schemas, not this file.");
        w.Open($"namespace {@namespace}");
        w.Summary($"Every vendor, report layout and claim set generated in this compilation ({names}), by the names their schemas give them.");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]");
        w.Open($"{accessibility} static class {Naming.CatalogClassName}");

        w.Summary($"The vendor ids, in ordinal order: {names}.");
        w.Line($"public static {StringList} Vendors {{ get; }} = {List(vendors.Select(static v => v.Vendor))};");
        w.Line();
        w.SummaryXml("The definitions of the vendors, in the order of <see cref=\"Vendors\"/>.");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Runtime}DeviceDefinition> Definitions {{ get; }} =");
        w.Line($"    global::System.Array.AsReadOnly(new {Runtime}DeviceDefinition[] {{ {string.Join(", ", vendors.Select(v => Type(v.ClassName) + ".Definition"))} }});");
        w.Line();
        w.SummaryXml("Opens the registers of <paramref name=\"vendor\"/> on this machine (the backend its definition detects).");
        w.Line($"/// <param name=\"vendor\">A vendor id: {SourceWriter.Escape(names)}.</param>");
        w.Line($"/// <exception cref=\"{Runtime}TsmDeviceNotFoundException\">The vendor's registers are not present; the message lists every path probed.</exception>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">No vendor has that id; the message lists them.</exception>");
        w.Line($"public static {Runtime}MeasurementDevice Open(string vendor) => vendor switch");
        w.OpenBlock();
        foreach (CatalogVendor vendor in vendors)
        {
            w.Line($"{CSharpLiteral.String(vendor.Vendor)} => {Type(vendor.ClassName)}.Open(),");
        }

        w.Line("_ => throw UnknownVendor(vendor),");
        w.Close(";");
        w.Line();
        w.SummaryXml("Opens the registers of <paramref name=\"vendor\"/> through <paramref name=\"backend\"/> (the emulator, a TPM simulator, a directory laid out like sysfs).");
        w.Line($"/// <param name=\"vendor\">A vendor id: {SourceWriter.Escape(names)}.</param>");
        w.Line("/// <param name=\"backend\">The backend, e.g. <c>TsmBackend.Emulated()</c>.</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">No vendor has that id; the message lists them.</exception>");
        w.Line($"public static {Runtime}MeasurementDevice Open(string vendor, {Runtime}TsmBackend backend) => vendor switch");
        w.OpenBlock();
        foreach (CatalogVendor vendor in vendors)
        {
            w.Line($"{CSharpLiteral.String(vendor.Vendor)} => {Type(vendor.ClassName)}.Open(backend),");
        }

        w.Line("_ => throw UnknownVendor(vendor),");
        w.Close(";");
        w.Line();

        string layoutNames = string.Join(", ", layouts.Select(static l => l.Layout.Name));
        w.Summary($"The report layouts a tool can decode on their own (those no other layout nests), in vendor order: {(layouts.Count == 0 ? "none" : layoutNames)}.");
        w.Line($"public static {StringList} Layouts {{ get; }} = {List(layouts.Select(static l => l.Layout.Name))};");
        w.Line();
        // A detector that tries the most constrained signature first does not take a report for a layout whose signature
        // its own implies (a one-byte magic also found in a longer one).
        var detection = layouts.Select(static l => l.Layout)
            .OrderByDescending(static l => l.Signature.Count)
            .ThenByDescending(static l => l.Signature.Sum(static c => c.Size))
            .ToList();
        w.SummaryXml($"The names of <see cref=\"Layouts\"/> in the order a detector tries their <see cref=\"HasSignature\"/>: more checked fields first, then more checked bytes, then vendor order: {(layouts.Count == 0 ? "none" : SourceWriter.Escape(string.Join(", ", detection.Select(static l => l.Name))))}.");
        w.Line($"public static {StringList} DetectionOrder {{ get; }} = {List(detection.Select(static l => l.Name))};");
        w.Line();
        w.SummaryXml("The id of the vendor whose schema defines <paramref name=\"layout\"/>.");
        w.Line("/// <param name=\"layout\">A name from <see cref=\"Layouts\"/>.</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">No layout has that name.</exception>");
        LayoutSwitch(w, "string LayoutVendor(string layout)", layouts.Select(l => (l.Layout.Name, CSharpLiteral.String(l.Vendor.Vendor))));
        w.SummaryXml("The C# type that parses <paramref name=\"layout\"/>, e.g. <c>TdQuote</c> (the name its parser's errors give it).");
        w.Line("/// <param name=\"layout\">A name from <see cref=\"Layouts\"/>.</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">No layout has that name.</exception>");
        LayoutSwitch(w, "string LayoutTypeName(string layout)", layouts.Select(l => (l.Layout.Name, CSharpLiteral.String(l.Layout.TypeName))));
        w.SummaryXml("The size of the fixed part every input of <paramref name=\"layout\"/> must have, in bytes (its <c>MinimumSize</c>).");
        w.Line("/// <param name=\"layout\">A name from <see cref=\"Layouts\"/>.</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">No layout has that name.</exception>");
        LayoutSwitch(w, "int MinimumSize(string layout)", layouts.Select(l => (l.Layout.Name, Type(l.Layout.TypeName) + ".MinimumSize")));
        w.SummaryXml("True when every field of <paramref name=\"layout\"/> has a constant offset and size and is present in every version.");
        w.Line("/// <param name=\"layout\">A name from <see cref=\"Layouts\"/>.</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">No layout has that name.</exception>");
        LayoutSwitch(w, "bool IsFixedSize(string layout)", layouts.Select(l => (l.Layout.Name, l.Layout.IsFixed ? "true" : "false")));

        w.SummaryXml("True when <paramref name=\"data\"/> starts like a <paramref name=\"layout\"/>: of the integer fields the schema's <c>checks</c> constrain at a fixed offset in every version, it holds the leading run (the first and those adjacent to it) with allowed values, and every later one it reaches has an allowed value. A truncated report still matches, so its parser can say where it ends; a layout without such checks never matches.");
        w.Line("/// <param name=\"layout\">A name from <see cref=\"Layouts\"/>.</param>");
        w.Line("/// <param name=\"data\">The leading bytes of a candidate report.</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">No layout has that name.</exception>");
        LayoutSwitch(w, $"bool HasSignature(string layout, {Span} data)", layouts.Select(l => (l.Layout.Name, Signature(l.Layout.Signature))));

        w.SummaryXml("What <see cref=\"HasSignature\"/> tests for <paramref name=\"layout\"/>, for people (e.g. an error that lists the formats it tried): each checked field as its width, schema name and allowed values, e.g. <c>u16 version 4 or 5, u32 teetype 0x81</c>.");
        w.Line("/// <param name=\"layout\">A name from <see cref=\"Layouts\"/>.</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">No layout has that name.</exception>");
        LayoutSwitch(w, "string SignatureText(string layout)", layouts.Select(l => (l.Layout.Name, CSharpLiteral.String(SignatureText(l.Layout.Signature)))));

        w.SummaryXml("Parses <paramref name=\"data\"/> as <paramref name=\"layout\"/>: the report's length as its parser measured it, and the value of its version field (null when the layout has none).");
        w.Line("/// <param name=\"layout\">A name from <see cref=\"Layouts\"/>.</param>");
        w.Line("/// <param name=\"data\">The report, possibly followed by other bytes when the layout allows trailing data.</param>");
        w.Line($"/// <exception cref=\"{Runtime}ReportFormatException\">The bytes are not a valid report of that layout; the exception names the byte offset and the reason.</exception>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">No layout has that name.</exception>");
        w.Line($"public static (int Length, ulong? Version) Parse(string layout, {Span} data)");
        w.OpenBlock();
        w.Line("switch (layout)");
        w.OpenBlock();
        foreach ((CatalogVendor _, CatalogLayout layout) in layouts)
        {
            w.Line($"case {CSharpLiteral.String(layout.Name)}:");
            w.OpenBlock();
            w.Line($"{Type(layout.TypeName)} report = {Type(layout.TypeName)}.Parse(data);");
            w.Line($"return (report.Length, {(layout.VersionProperty is { } version ? $"(ulong)report.{version}" : "null")});");
            w.Close();
        }

        w.Line("default:");
        w.Line("    throw UnknownLayout(layout);");
        w.Close();
        w.Close();
        w.Line();

        w.SummaryXml("Parses <paramref name=\"data\"/> as <paramref name=\"layout\"/> and passes every field, in layout order and under its schema name, to <paramref name=\"visitor\"/>.");
        w.Line("/// <param name=\"layout\">A name from <see cref=\"Layouts\"/>.</param>");
        w.Line("/// <param name=\"data\">The report, possibly followed by other bytes when the layout allows trailing data.</param>");
        w.Line("/// <param name=\"visitor\">Receives the fields.</param>");
        w.Line("/// <returns>The report's length as its parser measured it.</returns>");
        w.Line($"/// <exception cref=\"{Runtime}ReportFormatException\">The bytes are not a valid report of that layout; the exception names the byte offset and the reason.</exception>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">No layout has that name.</exception>");
        w.Line($"public static int Visit(string layout, {Span} data, {Runtime}IReportFieldVisitor visitor)");
        w.OpenBlock();
        w.Line("switch (layout)");
        w.OpenBlock();
        foreach ((CatalogVendor _, CatalogLayout layout) in layouts)
        {
            w.Line($"case {CSharpLiteral.String(layout.Name)}:");
            w.OpenBlock();
            w.Line($"{Type(layout.TypeName)} report = {Type(layout.TypeName)}.Parse(data);");
            w.Line("report.VisitFields(visitor);");
            w.Line("return report.Length;");
            w.Close();
        }

        w.Line("default:");
        w.Line("    throw UnknownLayout(layout);");
        w.Close();
        w.Close();
        w.Line();

        w.Summary($"The C# types of the CBOR claim sets, in vendor order: {(claimSets.Count == 0 ? "none" : string.Join(", ", claimSets))}.");
        w.Line($"public static {StringList} ClaimSets {{ get; }} = {List(claimSets)};");
        w.Line();
        w.Line("private static global::System.ArgumentException UnknownVendor(string vendor) =>");
        w.Line($"    new global::System.ArgumentException(\"unknown vendor '\" + vendor + \"'; use one of: {names}\", nameof(vendor));");
        w.Line();
        w.Line("private static global::System.ArgumentException UnknownLayout(string layout) =>");
        w.Line($"    new global::System.ArgumentException(\"unknown report layout '\" + layout + \"'; use one of: {layoutNames}\", nameof(layout));");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string List(IEnumerable<string> items) =>
        $"global::System.Array.AsReadOnly(new string[] {{ {string.Join(", ", items.Select(CSharpLiteral.String))} }})";

    private static void LayoutSwitch(SourceWriter w, string signature, IEnumerable<(string Name, string Value)> arms)
    {
        w.Line($"public static {signature} => layout switch");
        w.OpenBlock();
        foreach ((string name, string value) in arms)
        {
            w.Line($"{CSharpLiteral.String(name)} => {value},");
        }

        w.Line("_ => throw UnknownLayout(layout),");
        w.Close(";");
        w.Line();
    }

    // The leading run of constrained fields (adjacent from the first) is the magic the data must hold; a later field is
    // tested only when the data reaches it, so a truncated report still matches.
    private static string Signature(EquatableArray<CatalogCheck> checks)
    {
        if (checks.Count == 0)
        {
            return "false";
        }

        int leading = 1;
        while (leading < checks.Count && checks[leading].Offset == End(checks[leading - 1]))
        {
            leading++;
        }

        var terms = new List<string> { $"data.Length >= {End(checks[leading - 1])}" };
        terms.AddRange(checks.Take(leading).Select(static c => $"{Read(c)} is {Allowed(c)}"));
        terms.AddRange(checks.Skip(leading).Select(static c => $"(data.Length < {End(c)} || {Read(c)} is {Allowed(c)})"));
        return string.Join(" && ", terms);
    }

    // The same checks as Signature, in words: "u16 version 4 or 5, u16 attestationkeytype 2, u32 teetype 0x81".
    private static string SignatureText(EquatableArray<CatalogCheck> checks) => checks.Count == 0
        ? "no fixed-offset checks"
        : string.Join(", ", checks.Select(static c => $"u{c.Size * 8} {c.Field} {AllowedText(c.Allowed)}"));

    // A run of three or more consecutive values reads as a range ("2-5"); others are listed ("4 or 5").
    private static string AllowedText(EquatableArray<long> allowed)
    {
        var sorted = allowed.Distinct().OrderBy(static v => v).ToList();
        var parts = new List<string>();
        for (int start = 0; start < sorted.Count;)
        {
            int end = start;
            while (end + 1 < sorted.Count && sorted[end + 1] == sorted[end] + 1)
            {
                end++;
            }

            if (end - start >= 2)
            {
                parts.Add($"{Number(sorted[start])}-{Number(sorted[end])}");
            }
            else
            {
                parts.AddRange(sorted.Skip(start).Take(end - start + 1).Select(Number));
            }

            start = end + 1;
        }

        return string.Join(" or ", parts);
    }

    // Small values in decimal, larger ones (type codes, magic numbers) in hex as specifications write them.
    private static string Number(long value) => value < 10
        ? value.ToString(CultureInfo.InvariantCulture)
        : "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    private static int End(CatalogCheck check) => check.Offset + check.Size;

    private static string Allowed(CatalogCheck check) => string.Join(" or ", check.Allowed.Select(static v => v.ToString(CultureInfo.InvariantCulture)));

    private static string Read(CatalogCheck check) => check.Size switch
    {
        1 => $"data[{check.Offset}]",
        2 => $"{Binary}.ReadUInt16LittleEndian(data.Slice({check.Offset}, 2))",
        4 => $"{Binary}.ReadUInt32LittleEndian(data.Slice({check.Offset}, 4))",
        _ => $"{Binary}.ReadUInt64LittleEndian(data.Slice({check.Offset}, 8))",
    };
}
