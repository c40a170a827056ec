using System;

namespace Tsm.Attestation.Cca;

/// <summary>The hash-algorithm names in CCA token claims, as <see cref="MeasurementHash"/> values.</summary>
internal static class CcaHashAlgorithms
{
    /// <summary>
    /// <c>sha-256</c>, <c>sha-384</c> and <c>sha-512</c>: the names TF-RMM writes for cca-realm-hash-algo-id (attestation_token.c)
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

    /// <summary>The claim name of <paramref name="hash"/>, the inverse of <see cref="FromClaim"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hash"/> is not SHA-256, SHA-384 or SHA-512.</exception>
    public static string ToClaim(MeasurementHash hash) => hash switch
    {
        MeasurementHash.Sha256 => "sha-256",
        MeasurementHash.Sha384 => "sha-384",
        MeasurementHash.Sha512 => "sha-512",
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "A CCA realm measures with SHA-256, SHA-384 or SHA-512."),
    };
}
