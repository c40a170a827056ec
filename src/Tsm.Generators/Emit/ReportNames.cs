namespace Tsm.Generators.Emit;

/// <summary>The type names every report emitter prints.</summary>
internal static class ReportNames
{
    public const string Span = "global::System.ReadOnlySpan<byte>";
    public const string Binary = "global::System.Buffers.Binary.BinaryPrimitives";
    public const string Marshal = "global::System.Runtime.InteropServices.MemoryMarshal";
}
