namespace Tsm.EventLog.Tests.Fuzzing;

/// <summary>One real input of a reader, with its size fields.</summary>
internal sealed record LogSample(string Name, byte[] Bytes, IReadOnlyList<SizeField> Fields);
