using System;
using System.Security.Cryptography.X509Certificates;

namespace Tsm.Attestation.Verification;

/// <summary>
/// Recognizes the certificates <see cref="Emulation.EmulatedAttester"/> makes: every subject name it writes contains
/// <see cref="SubjectMarker"/>, so a verifier that rejects such a chain can say it is a test chain rather than only
/// "not pinned".
/// </summary>
internal static class EmulatedTestChain
{
    /// <summary>The text every emulated test certificate's subject contains.</summary>
    public const string SubjectMarker = "Tsm emulated test";

    /// <summary>Whether <paramref name="certificate"/> is one the emulator made (by its subject).</summary>
    public static bool IsEmulated(X509Certificate2 certificate) =>
        certificate.Subject.Contains(SubjectMarker, StringComparison.Ordinal);

    /// <summary>What a verifier says when it rejects an emulated chain whose root is not pinned.</summary>
    /// <param name="vendor">Whose production chain it stands in for, e.g. "Intel's".</param>
    public static string NotPinnedHint(string vendor) =>
        $"this is a Tsm emulated test chain, not {vendor}; pin it with --root to accept it";
}
