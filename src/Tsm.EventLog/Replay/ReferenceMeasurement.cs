using Tsm.EventLog.Registers;

namespace Tsm.EventLog.Replay;

/// <summary>One expected extend: a digest into a register's bank (the digest's algorithm names the bank).</summary>
/// <param name="Register">The register, e.g. <c>RegisterId.Rtmr(1)</c>.</param>
/// <param name="Digest">The digest extended.</param>
public readonly record struct ReferenceMeasurement(RegisterId Register, AgileDigest Digest);
