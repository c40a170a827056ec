using System;

namespace Tsm.EventLog.Aael;

/// <summary>
/// One line of an attestation-agent event log, read in place: the INIT entry (<c>INIT &lt;alg&gt;/&lt;hex&gt;</c>) or an
/// event entry (<c>&lt;domain&gt; &lt;operation&gt; &lt;content&gt;</c>). The register is extended with the hash of <see cref="Text"/>.
/// </summary>
public readonly ref struct AaelEntry
{
    internal AaelEntry(int number, int line, int offset, ReadOnlySpan<byte> text, bool isInit, int firstSpace, int secondSpace)
    {
        Number = number;
        Line = line;
        Offset = offset;
        Text = text;
        IsInit = isInit;
        Domain = isInit ? default : text[..firstSpace];
        Operation = isInit ? default : text[(firstSpace + 1)..secondSpace];
        Content = isInit ? text[(firstSpace + 1)..] : text[(secondSpace + 1)..];
    }

    /// <summary>The entry's number, from 0 (the INIT entry).</summary>
    public int Number { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>Where the line starts in the file.</summary>
    public int Offset { get; }

    /// <summary>The line without its LF: exactly what is hashed.</summary>
    public ReadOnlySpan<byte> Text { get; }

    /// <summary>Whether this is the INIT entry.</summary>
    public bool IsInit { get; }

    /// <summary>The domain (empty for INIT).</summary>
    public ReadOnlySpan<byte> Domain { get; }

    /// <summary>The operation (empty for INIT).</summary>
    public ReadOnlySpan<byte> Operation { get; }

    /// <summary>The content; for INIT the <c>&lt;alg&gt;/&lt;hex&gt;</c> part.</summary>
    public ReadOnlySpan<byte> Content { get; }
}
