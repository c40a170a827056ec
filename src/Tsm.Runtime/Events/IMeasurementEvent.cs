namespace Tsm;

/// <summary>
/// An event to measure: the three fields of an attestation-agent event-log line, <c>domain SP operation SP content</c>.
/// Types marked <see cref="MeasurementEventAttribute"/> get this implementation from Tsm.Generators.
/// </summary>
/// <remarks>
/// <see cref="Content"/> returns the whole encoded text rather than writing into a caller's buffer: the log line is
/// built from it, checked as printable ASCII and hashed as a unit, and the same string is what the log stores, so a
/// verifier reads the preimage back instead of re-serialising the event.
/// </remarks>
public interface IMeasurementEvent
{
    /// <summary>Who defines the event, recommended a URI (<c>github.com/confidential-containers</c>); printable ASCII without spaces.</summary>
    string Domain { get; }

    /// <summary>What happened (<c>PullImage</c>); printable ASCII without spaces.</summary>
    string Operation { get; }

    /// <summary>The event's details as one canonical text; for generated events, RFC 8785 JSON.</summary>
    /// <returns>The content, exactly as it is logged and hashed.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">An integer member is outside ±(2^53−1).</exception>
    /// <exception cref="System.ArgumentException">A string member holds a lone UTF-16 surrogate.</exception>
    string Content();
}
