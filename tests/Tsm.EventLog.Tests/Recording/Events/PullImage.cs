namespace Tsm.EventLog.Tests.Recording.Events;

/// <summary>The confidential-containers image-pull event (hardware reference §6.3): image reference and digest.</summary>
[MeasurementEvent("github.com/confidential-containers", "PullImage")]
internal sealed partial record PullImage(string Image, string Digest);
