namespace Tsm.EventLog.Tests.Fuzzing;

/// <summary>A property an oracle checks does not hold.</summary>
internal sealed class FuzzPropertyException(string message) : Exception(message);
