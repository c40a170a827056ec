using System.Collections.Generic;

namespace Tsm.EventLog.Recording;

/// <summary>An entry that <see cref="MeasurementLog.Record(string, string, string)"/> wrote and extended.</summary>
/// <param name="Number">The entry's number in the log (0 is INIT).</param>
/// <param name="Line">The entry's text without its LF: exactly what each bank hashed.</param>
/// <param name="Digests">The digest extended into each bank, in <see cref="LogicalRegister.Banks"/> order.</param>
public sealed record RecordedEvent(int Number, string Line, IReadOnlyList<AgileDigest> Digests);
