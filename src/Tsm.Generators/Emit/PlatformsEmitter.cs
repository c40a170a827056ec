using System.Linq;
using Tsm.Generators.Helpers;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes <c>MeasurementPlatforms</c>, the hardware-independent entry point over every vendor of the compilation
/// whose schema maps roles. It depends on nothing but their ids and class names, so editing a schema leaves it cached.
/// </summary>
internal static class PlatformsEmitter
{
    private const string Runtime = "global::Tsm.";

    public static string Emit(EquatableArray<PlatformVendor> vendors, string @namespace, string accessibility)
    {
        string names = string.Join(", ", vendors.Select(static v => v.Vendor));
        var w = new SourceWriter();
        w.FileHeader($"from the logical sections of the vendor schemas {names}. Edit the schemas, not this file.");
        w.Open($"namespace {@namespace}");
        w.Summary($"The logical registers of whichever platform this machine is ({names}): the same Application, Os, Boot and Firmware registers on every one, so code that records events runs unchanged on each.");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]");
        w.Open($"{accessibility} static class {Naming.PlatformsClassName}");
        w.Summary($"The definitions of every vendor whose schema maps roles: {names}.");
        string definitions = string.Join(", ", vendors.Select(v => $"global::{@namespace}.{v.ClassName}.Definition"));
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Runtime}DeviceDefinition> Definitions {{ get; }} =");
        w.Line($"    global::System.Array.AsReadOnly(new {Runtime}DeviceDefinition[] {{ {definitions} }});");
        w.Line();
        w.Summary("Opens the platform of this machine: a TEE's own registers first (their tsm-mr directory exists), then a TPM.");
        w.Line($"/// <exception cref=\"{Runtime}TsmDeviceNotFoundException\">No platform is present; the message lists every path probed.</exception>");
        w.Line($"public static {Runtime}MeasurementPlatform Open() => {Runtime}MeasurementPlatform.Detect(Definitions);");
        w.Line();
        w.SummaryXml("Opens the platform <paramref name=\"vendor\"/> through <paramref name=\"backend\"/> (the emulator, a TPM simulator, a directory laid out like sysfs).");
        w.Line($"/// <param name=\"vendor\">A vendor id: {SourceWriter.Escape(names)}.</param>");
        w.Line("/// <param name=\"backend\">The backend, e.g. <c>TsmBackend.Emulated()</c>.</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">No vendor of that id maps roles; the message lists them.</exception>");
        w.Line($"public static {Runtime}MeasurementPlatform Open(string vendor, {Runtime}TsmBackend backend) => {Runtime}MeasurementPlatform.Open(Definitions, vendor, backend);");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
