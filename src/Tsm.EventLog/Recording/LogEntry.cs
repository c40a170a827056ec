namespace Tsm.EventLog.Recording;

/// <summary>One entry of a measurement log as its codec read it.</summary>
/// <param name="Length">The entry's bytes in the file, terminator included.</param>
/// <param name="Text">The AAEL line: <c>INIT ...</c> or <c>domain operation content</c>.</param>
/// <param name="Measured">The bytes every bank extends the hash of, or null for an entry that is not extended (a CEL INIT).</param>
/// <param name="StartValues">For INIT: each bank's starting value in the register's bank order, null where the entry does not record the bank.</param>
internal sealed record LogEntry(int Length, string Text, byte[]? Measured, byte[]?[]? StartValues)
{
    public bool IsInit => StartValues is not null;
}
