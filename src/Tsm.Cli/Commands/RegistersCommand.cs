using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tsm.Cli.Commands;

/// <summary>
/// <c>tsm registers --vendor V [--backend B] [--json]</c>: every register of the device with name, size, hash,
/// mutability and value; JSON <c>{"vendor": "tpm", "backend": "...", "registers": {"pcr23:sha256": "&lt;hex&gt;"}}</c>
/// keyed by the kernel-style qualified name (registers that cannot be read, or whose TPM bank is not allocated, are left out).
/// </summary>
internal static class RegistersCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        Option<string> vendor = VendorOption.Create();
        Option<string> backend = BackendSpec.CreateOption();
        Option<bool> json = new("--json") { Description = "Print JSON keyed by the kernel-style register name (rtmr3:sha384, pcr23:sha256)." };
        Command command = new("registers", "Print every measurement register of a platform: name, size, hash, mutability and value.") { vendor, backend, json };
        command.SetAction(parsed => CommandRunner.Run(parsed, "registers", stdout =>
        {
            DeviceDefinition definition = VendorCatalog.Find(parsed.GetRequiredValue(vendor));
            BackendSpec spec = BackendSpec.Parse(parsed.GetValue(backend));
            using MeasurementSession session = spec.Open(definition);
            var readings = RegisterReading.ReadAll(session);
            if (parsed.GetValue(json))
            {
                WriteJson(definition, spec, readings, stdout);
            }
            else
            {
                WriteTable(session, readings, stdout);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteTable(MeasurementSession session, System.Collections.Generic.IReadOnlyList<RegisterReading> readings, TextWriter stdout)
    {
        stdout.WriteLine($"{session.Definition.DisplayName} registers ({session.Location}):");
        string[][] rows = readings
            .Select(r => new[] { r.QualifiedName, r.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Hash, r.Mutability, r.ValueText })
            .Prepend(["register", "size", "hash", "mutability", "value"])
            .ToArray();
        int[] widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in rows)
        {
            stdout.WriteLine("  " + string.Join("  ", row.Take(4).Select((cell, c) => cell.PadRight(widths[c]))) + "  " + row[4]);
        }
    }

    private static void WriteJson(DeviceDefinition definition, BackendSpec spec, System.Collections.Generic.IReadOnlyList<RegisterReading> readings, TextWriter stdout)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("vendor", definition.Vendor);
            writer.WriteString("backend", spec.Text);
            writer.WriteStartObject("registers");
            foreach (RegisterReading reading in readings.Where(static r => r.Value is not null))
            {
                writer.WriteString(reading.QualifiedName, reading.ValueText);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
