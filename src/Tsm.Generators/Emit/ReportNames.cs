using Tsm.Generators.Model;

namespace Tsm.Generators.Emit;

/// <summary>The type names every report emitter prints, and the name of a nested view's slot.</summary>
internal static class ReportNames
{
    public const string Span = "global::System.ReadOnlySpan<byte>";
    public const string Binary = "global::System.Buffers.Binary.BinaryPrimitives";
    public const string Marshal = "global::System.Runtime.InteropServices.MemoryMarshal";

    /// <summary>The slot holding the nested view of a layout field.</summary>
    public static string NestedView(ReportFieldSpec field) => "_view" + field.PropertyName;
}
