namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>A parser broke one of the properties the fuzzer checks (as opposed to throwing an exception of its own).</summary>
internal sealed class FuzzPropertyException(string message) : Exception(message);
