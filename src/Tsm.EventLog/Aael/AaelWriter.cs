using System;
using System.IO;
using System.Text;

namespace Tsm.EventLog.Aael;

/// <summary>Writes AAEL text as the attestation agent does: the INIT line, then one LF-terminated entry per event.</summary>
public sealed class AaelWriter
{
    private readonly MemoryStream _buffer = new();

    /// <summary>Starts a log with <c>INIT &lt;alg&gt;/&lt;hex&gt;</c>.</summary>
    /// <param name="hash">sha256, sha384 or sha512.</param>
    /// <param name="initialValue">The register's value when recording starts, exactly the hash's digest size.</param>
    /// <exception cref="ArgumentException">Another hash, or a value of the wrong size.</exception>
    public AaelWriter(MeasurementHash hash, ReadOnlySpan<byte> initialValue)
    {
        if (hash is not (MeasurementHash.Sha256 or MeasurementHash.Sha384 or MeasurementHash.Sha512) || initialValue.Length != MeasurementHashInfo.DigestSize(hash))
        {
            throw new ArgumentException("An AAEL INIT names sha256, sha384 or sha512 and a value of that digest's size.", nameof(initialValue));
        }

        WriteLine(AaelLine.Init(hash, initialValue));
    }

    /// <summary>Appends <c>domain SP operation SP content</c>.</summary>
    /// <exception cref="ArgumentException">
    /// A part is not printable ASCII, the domain or operation is empty or holds a space, or the domain is <c>INIT</c>
    /// (the line would read as a second INIT, which the grammar refuses).
    /// </exception>
    public void Append(string domain, string operation, string content) => WriteLine(AaelLine.Event(domain, operation, content));

    /// <summary>The log written so far.</summary>
    public byte[] ToArray() => _buffer.ToArray();

    private void WriteLine(string line)
    {
        _buffer.Write(Encoding.ASCII.GetBytes(line));
        _buffer.WriteByte((byte)'\n');
    }
}
