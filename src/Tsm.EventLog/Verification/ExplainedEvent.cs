using System;

namespace Tsm.EventLog.Verification;

/// <summary>One event that fed a register bank, with the register's value after it.</summary>
/// <param name="Log">The log it came from (its path, or its position in the list as <c>log N</c>).</param>
/// <param name="Number">The event's number as <c>tsm log show</c> prints it.</param>
/// <param name="Offset">Where the event starts in its log.</param>
/// <param name="TypeName">The event type (<c>EV_SEPARATOR</c>, <c>INIT</c>, a CEL content type).</param>
/// <param name="Digest">The digest extended.</param>
/// <param name="RunningValue">The register's value after the extend.</param>
/// <param name="DataDigestAgrees">Whether the digest is the hash of the event's own data, where the type defines that; <see langword="null"/> where it does not.</param>
public sealed record ExplainedEvent(string Log, int Number, int Offset, string TypeName, ReadOnlyMemory<byte> Digest, ReadOnlyMemory<byte> RunningValue, bool? DataDigestAgrees);
