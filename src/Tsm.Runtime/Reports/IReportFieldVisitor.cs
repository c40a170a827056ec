using System;
using System.Text;

namespace Tsm;

/// <summary>
/// Receives every present field of a parsed report, in layout order, under its schema name (<c>mrtd</c>,
/// <c>reportdata</c>, ...). Generated parsers call it from <c>VisitFields</c>; tools use it to print or serialise any
/// report without knowing its layout. Fields a report's version lacks are not visited.
/// </summary>
public interface IReportFieldVisitor
{
    /// <summary>An integer or flags field.</summary>
    void Integer(string name, ulong value);

    /// <summary>A byte field: digests, opaque values and raw bytes.</summary>
    void Bytes(string name, ReadOnlySpan<byte> value);

    /// <summary>
    /// A text field (CBOR claims such as an Arm CCA profile or hash-algorithm name). Visitors written before text
    /// fields existed get its UTF-8 bytes through <see cref="Bytes"/>, so they keep working unchanged.
    /// </summary>
    void Text(string name, string value) => Bytes(name, Encoding.UTF8.GetBytes(value));

    /// <summary>
    /// A nested layout begins; its fields follow until <see cref="EndNested"/>. CBOR claim arrays arrive the same way,
    /// their items named by index (<c>0</c>, <c>1</c>, ...).
    /// </summary>
    void BeginNested(string name, string typeName);

    /// <summary>The nested layout opened last ends.</summary>
    void EndNested();
}
