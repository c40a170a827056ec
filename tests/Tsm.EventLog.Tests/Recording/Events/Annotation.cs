namespace Tsm.EventLog.Tests.Recording.Events;

/// <summary>A free-text event, to show what the log does with text that is not ASCII.</summary>
[MeasurementEvent("example.com/agent", "Annotate")]
internal sealed partial record Annotation(string Text, long Sequence);
