using System;

namespace Tsm.EventLog.Tcg;

/// <summary>
/// TCG_EfiStartupLocalityEvent (PFP, "Startup Locality Event"): an EV_NO_ACTION event in PCR0 whose data is the signature
/// "StartupLocality\0" (16 bytes) and one byte, the locality TPM2_Startup came from (3), or 4 when an H-CRTM measured
/// first. The TPM then starts PCR0 at 0…0&lt;locality&gt; instead of zeros (TPM 2.0 Part 1, "PCR Operations", PCR initialization),
/// so replay must start from that value.
/// </summary>
public static class StartupLocalityEvent
{
    /// <summary>The 16-byte signature at the start of the event data.</summary>
    public static ReadOnlySpan<byte> Signature => "StartupLocality\0"u8;

    /// <summary>Reads the locality from an EV_NO_ACTION event's data.</summary>
    /// <param name="data">The event data.</param>
    /// <param name="locality">The startup locality, when the data is a StartupLocality event.</param>
    /// <returns><see langword="true"/> when <paramref name="data"/> is exactly the signature and one byte.</returns>
    public static bool TryParse(ReadOnlySpan<byte> data, out byte locality)
    {
        locality = 0;
        if (data.Length != Signature.Length + 1 || !data.StartsWith(Signature))
        {
            return false;
        }

        locality = data[^1];
        return true;
    }
}
