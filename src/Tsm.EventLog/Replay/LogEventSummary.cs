using System.Collections.Generic;
using Tsm.EventLog.Registers;

namespace Tsm.EventLog.Replay;

/// <summary>One event as <c>tsm log show</c> lists it.</summary>
/// <param name="Number">The event's number in its log, from 0.</param>
/// <param name="Offset">Where it starts in the log.</param>
/// <param name="Register">The register its digests go to (or would, for an event that is not extended).</param>
/// <param name="Extends">Whether replay extends it (not EV_NO_ACTION, the Spec ID header or MRTD events).</param>
/// <param name="TypeName">The event type (<c>EV_SEPARATOR</c>, a CEL content type, <c>INIT</c>).</param>
/// <param name="Digests">The digests per bank, lowercase hex, in the event's order.</param>
/// <param name="Description">A short decoding of the data: a UEFI variable name, a boot path, a command line, AAEL fields.</param>
public sealed record LogEventSummary(int Number, int Offset, RegisterId Register, bool Extends, string TypeName, IReadOnlyList<KeyValuePair<MeasurementHash, string>> Digests, string Description)
{
    /// <summary>
    /// The attestation agent's line (<c>domain operation content</c>, or <c>INIT alg/hex</c>) when the event is one: an
    /// AAEL entry, or an EV_EVENT_TAG whose tagged event has the id "AAEL" in a CCEL or CEL; otherwise null.
    /// </summary>
    public string? AaelLine { get; init; }
}
