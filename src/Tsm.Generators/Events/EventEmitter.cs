using Tsm.Generators.Emit;

namespace Tsm.Generators.Events;

/// <summary>
/// Writes the generated part of one measurement event: <c>IMeasurementEvent</c> with the attribute's domain and
/// operation, and <c>Content()</c>, straight-line calls to <c>CanonicalJsonWriter</c> in the member order the reader
/// fixed, with no reflection, so it is trimming- and AOT-safe and its output cannot depend on a serialiser's options.
/// </summary>
internal static class EventEmitter
{
    private const string Writer = "global::Tsm.CanonicalJsonWriter";

    public static string Emit(EventSpec spec)
    {
        var w = new SourceWriter();
        w.FileHeader($"from [MeasurementEvent] on {spec.Name}. Edit that type, not this file.");
        if (spec.Namespace.Length > 0)
        {
            w.Open($"namespace {spec.Namespace}");
        }

        foreach (EventContainer container in spec.Containers)
        {
            w.Open($"{container.Keyword} {container.Name}");
        }

        w.Open($"{spec.Keyword} {spec.Name} : global::Tsm.IMeasurementEvent");
        w.SummaryXml($"The event's domain, <c>{SourceWriter.Escape(spec.Domain)}</c>.");
        w.Line($"string global::Tsm.IMeasurementEvent.Domain => {CSharpLiteral.String(spec.Domain)};");
        w.Line();
        w.SummaryXml($"The event's operation, <c>{SourceWriter.Escape(spec.Operation)}</c>.");
        w.Line($"string global::Tsm.IMeasurementEvent.Operation => {CSharpLiteral.String(spec.Operation)};");
        w.Line();
        w.SummaryXml(
            "The event's content: its members as RFC 8785 canonical JSON, sorted by UTF-16 code units, the exact text\n"
            + "that is logged and hashed, so a verifier compares it and never re-serialises the event.");
        w.Line("/// <returns>The canonical JSON text.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An integer member is outside ±(2^53−1), which RFC 8785 numbers (IEEE doubles) cannot hold exactly.</exception>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A string member holds a lone UTF-16 surrogate.</exception>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]");
        w.Open(spec.ExplicitContent ? "string global::Tsm.IMeasurementEvent.Content()" : "public string Content()");
        w.Line($"var writer = new {Writer}();");
        var locals = new Locals();
        WriteObject(w, spec.Members, "this", locals);
        w.Line("return writer.ToJson();");
        w.Close();
        w.Close();
        foreach (EventContainer _ in spec.Containers)
        {
            w.Close();
        }

        if (spec.Namespace.Length > 0)
        {
            w.Close();
        }

        return w.ToString();
    }

    private static void WriteObject(SourceWriter w, Helpers.EquatableArray<EventMember> members, string owner, Locals locals)
    {
        w.Line("writer.WriteStartObject();");
        foreach (EventMember member in members)
        {
            w.Line($"writer.WritePropertyName({CSharpLiteral.String(member.JsonName)});");
            string value = $"{owner}.{member.PropertyName}";
            if (member.List)
            {
                string item = locals.Next("item");
                w.Open($"if ({value} is null)").Line("writer.WriteNull();").Close();
                w.Open("else");
                w.Line("writer.WriteStartArray();");
                w.Open($"foreach (var {item} in {value})");
                WriteValue(w, member, item, locals);
                w.Close();
                w.Line("writer.WriteEndArray();");
                w.Close();
            }
            else
            {
                WriteValue(w, member, value, locals);
            }
        }

        w.Line("writer.WriteEndObject();");
    }

    // One value: a member's, or one element of a list member's.
    private static void WriteValue(SourceWriter w, EventMember member, string value, Locals locals)
    {
        if (member.Nullable)
        {
            w.Open($"if ({value}.HasValue)");
            WriteNonNull(w, member, value + ".Value", locals);
            w.Close();
            w.Open("else").Line("writer.WriteNull();").Close();
            return;
        }

        if (member.Kind == EventValueKind.Record)
        {
            w.Open($"if ({value} is null)").Line("writer.WriteNull();").Close();
            w.Open("else");
            WriteNonNull(w, member, value, locals);
            w.Close();
            return;
        }

        WriteNonNull(w, member, value, locals);
    }

    private static void WriteNonNull(SourceWriter w, EventMember member, string value, Locals locals)
    {
        switch (member.Kind)
        {
            case EventValueKind.String:
                w.Line($"writer.WriteString({value});");
                break;
            case EventValueKind.Boolean:
                w.Line($"writer.WriteBoolean({value});");
                break;
            case EventValueKind.Signed:
                w.Line($"writer.WriteNumber((long){value}, {CSharpLiteral.String(member.PropertyName)});");
                break;
            case EventValueKind.Unsigned:
                w.Line($"writer.WriteNumber((ulong){value}, {CSharpLiteral.String(member.PropertyName)});");
                break;
            default:
                string local = locals.Next("value");
                w.Line($"var {local} = {value};");
                WriteObject(w, member.Members, local, locals);
                break;
        }
    }

    /// <summary>Numbers the locals of one <c>Content()</c>, so no two share a name whatever their scopes.</summary>
    private sealed class Locals
    {
        private int _count;

        public string Next(string prefix) => prefix + _count++;
    }
}
