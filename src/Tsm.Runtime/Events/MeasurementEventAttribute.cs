using System;

namespace Tsm;

/// <summary>
/// Declares a <c>partial</c> record, class or struct as a measurement event: Tsm.Generators implements
/// <see cref="IMeasurementEvent"/> for it, with <see cref="IMeasurementEvent.Content"/> writing the type's public
/// instance properties as RFC 8785 canonical JSON. That text is the exact preimage that is logged and hashed, so a
/// verifier compares the logged text and never serialises an event itself.
/// </summary>
/// <remarks>
/// Domain and operation become the first two fields of an attestation-agent event-log line
/// (<c>domain SP operation SP content</c>), so both are printable ASCII without spaces; the generator checks them
/// (TSM2002). The public instance properties (inherited ones included) are named in camelCase, or as <c>[JsonPropertyName]</c> says, and may be strings, booleans,
/// integers of up to 64 bits (at run time within ±(2^53−1), because RFC 8785 numbers are IEEE doubles), their
/// nullable forms, and arrays or <c>IReadOnlyList&lt;T&gt;</c> of those.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class MeasurementEventAttribute : Attribute
{
    /// <summary>Declares the event type's domain and operation.</summary>
    /// <param name="domain">Who defines the event, recommended a URI (<c>github.com/confidential-containers</c>).</param>
    /// <param name="operation">What happened (<c>PullImage</c>).</param>
    public MeasurementEventAttribute(string domain, string operation)
    {
        Domain = domain;
        Operation = operation;
    }

    /// <summary>Who defines the event, recommended a URI (<c>github.com/confidential-containers</c>).</summary>
    public string Domain { get; }

    /// <summary>What happened (<c>PullImage</c>).</summary>
    public string Operation { get; }
}
