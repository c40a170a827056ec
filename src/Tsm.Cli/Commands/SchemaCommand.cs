using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Tsm.Cli.Schemas;

namespace Tsm.Cli.Commands;

/// <summary>
/// <c>tsm schema new NAME [--out DIR]</c>: writes <c>NAME.tsm.json</c>, a vendor schema to start from, and the JSON
/// Schema it names in <c>"$schema"</c> beside it, so an editor validates and completes the file without the NuGet cache.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        Argument<string> name = new("NAME") { Description = "The vendor id: lowercase letters and digits, words joined by single hyphens (acme, acme-tee)." };
        Option<string> output = new("--out")
        {
            HelpName = "DIR",
            Description = "The directory to write to (created when missing); default: the current directory.",
            DefaultValueFactory = _ => ".",
        };
        output.CompletionSources.Add(FileNameCompletion.Complete);

        Command create = new("new", $"Write NAME.tsm.json, a minimal vendor schema, and {VendorJsonSchema.FileName} beside it.") { name, output };
        create.SetAction(parsed =>
        {
            string vendor = parsed.GetRequiredValue(name);
            return CommandRunner.Run(parsed, vendor, stdout => New(vendor, parsed.GetRequiredValue(output), stdout));
        });
        return new Command("schema", "Vendor schemas (*.tsm.json) for your own hardware.") { create };
    }

    private static int New(string vendor, string directory, TextWriter stdout)
    {
        if (!VendorJsonSchema.IsVendorId(vendor))
        {
            throw new InputException($"'{Printable(vendor)}' is not a vendor id: it must match {VendorJsonSchema.VendorIdPattern} (lowercase letters and digits, words joined by single hyphens, starting with a letter)");
        }

        string schemaPath = Path.Combine(directory, vendor + ".tsm.json");
        string jsonSchemaPath = Path.Combine(directory, VendorJsonSchema.FileName);
        try
        {
            Directory.CreateDirectory(directory);
            if (!TryCreate(schemaPath, VendorSchemaScaffold.For(vendor)))
            {
                throw InputException.ForFile(schemaPath, "already exists; not overwritten");
            }

            // The JSON Schema is the tool's own file: rewriting it brings it to this version of the format.
            File.WriteAllBytes(jsonSchemaPath, VendorJsonSchema.Bytes);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw InputException.ForFile(directory, $"cannot write: {error.Message}");
        }

        stdout.WriteLine($"wrote {schemaPath}");
        stdout.WriteLine($"wrote {jsonSchemaPath}");
        stdout.WriteLine($"Add it to a project with <TsmSchema Include=\"{vendor}.tsm.json\" /> and the Tsm.Generators package.");
        return ExitCodes.Success;
    }

    /// <summary><paramref name="text"/> with control characters as <c>\uXXXX</c>, so an error about it stays one line.</summary>
    private static string Printable(string text) =>
        string.Concat(text.Select(static c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    /// <summary>Writes a new file; false when <paramref name="path"/> exists, which is someone's work and is never replaced.</summary>
    private static bool TryCreate(string path, string text)
    {
        FileStream file;
        try
        {
            // CreateNew rather than a check first: a file that appears in between is not overwritten either.
            file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }

        using (file)
        using (var writer = new StreamWriter(file))
        {
            writer.Write(text);
        }

        return true;
    }
}
