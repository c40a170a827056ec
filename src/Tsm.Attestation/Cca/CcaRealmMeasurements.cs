using System.Collections.Generic;
using System.Linq;

namespace Tsm.Attestation.Cca;

/// <summary>
/// The realm measurements a CCA token reports, as digests of the realm's hash: the RIM and REM0..REM3, comparable with
/// what the <c>ArmCca</c> registers read (the same <see cref="AgileDigest"/> type, hash chosen at run time).
/// </summary>
public sealed class CcaRealmMeasurements
{
    private CcaRealmMeasurements(AgileDigest rim, IReadOnlyList<AgileDigest> rems)
    {
        Rim = rim;
        Rems = rems;
    }

    /// <summary>The realm's measurement algorithm (from the cca-realm-hash-algo-id claim).</summary>
    public MeasurementHash Algorithm => Rim.Algorithm;

    /// <summary>The Realm Initial Measurement (claim cca-realm-initial-measurement).</summary>
    public AgileDigest Rim { get; }

    /// <summary>REM0..REM3, in index order (claim cca-realm-extensible-measurements).</summary>
    public IReadOnlyList<AgileDigest> Rems { get; }

    /// <summary>
    /// The measurements of <paramref name="realm"/>, or null when they are not digests of one known hash (see
    /// <see cref="CcaToken.RealmMeasurements"/>): a token that carries them otherwise is still a token.
    /// </summary>
    internal static CcaRealmMeasurements? From(CcaRealmClaims realm)
    {
        MeasurementHash algorithm = CcaHashAlgorithms.FromClaim(realm.HashAlgorithm);
        if (algorithm == MeasurementHash.None)
        {
            return null;
        }

        int size = MeasurementHashInfo.DigestSize(algorithm);
        if (realm.Rim.Length != size || realm.Rems.Any(rem => rem.Length != size))
        {
            return null;
        }

        AgileDigest[] rems = realm.Rems.Select(rem => new AgileDigest(algorithm, rem.Span)).ToArray();
        return new CcaRealmMeasurements(new AgileDigest(algorithm, realm.Rim.Span), rems.AsReadOnly());
    }
}
