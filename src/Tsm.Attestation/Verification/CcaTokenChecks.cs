namespace Tsm.Attestation.Verification;

/// <summary>
/// The names of the checks <see cref="CcaTokenVerifier"/> makes, in the order it makes them. Every result holds all four;
/// <see cref="PlatformSignature"/> is not checked when no platform attestation key was given.
/// </summary>
public static class CcaTokenChecks
{
    /// <summary>The bytes are a CCA token (tag 907 or 399 collection of two COSE_Sign1 messages) the <see cref="Cca.CcaToken"/> parser accepts.</summary>
    public const string Parse = "parse";

    /// <summary>The realm token's COSE_Sign1 signature verifies with the realm attestation key (RAK) its own claims carry (cca-realm-public-key).</summary>
    public const string RealmSignature = "realm-signature";

    /// <summary>
    /// The platform token's challenge is the RAK claim hashed with the realm's cca-realm-public-key-hash-algo-id: the
    /// platform vouches for exactly this RAK, so the realm token cannot be re-signed by another key.
    /// </summary>
    public const string RealmKeyBinding = "realm-key-binding";

    /// <summary>The platform token's COSE_Sign1 signature verifies with the caller's platform attestation key (IAK/CPAK).</summary>
    public const string PlatformSignature = "platform-signature";
}
