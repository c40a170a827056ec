namespace Tsm.Attestation.Cca;

/// <summary>The hash-algorithm names in CCA token claims, as <see cref="MeasurementHash"/> values.</summary>
internal static class CcaHashAlgorithms
{
    /// <summary>
    /// <c>sha-256</c>, <c>sha-384</c> and <c>sha-512</c>: the names hardware.md §4.3 gives for cca-realm-hash-algo-id
    /// (the realm's measurement algorithm, RMI/RSI_HASH_SHA_256/384/512 of §4.2). Anything else is
    /// <see cref="MeasurementHash.None"/>: a hash the realm cannot have chosen.
    /// </summary>
    public static MeasurementHash FromClaim(string name) => name switch
    {
        "sha-256" => MeasurementHash.Sha256,
        "sha-384" => MeasurementHash.Sha384,
        "sha-512" => MeasurementHash.Sha512,
        _ => MeasurementHash.None,
    };
}
