using System;

namespace Tsm.Attestation.Configfs;

/// <summary>What a provider's <c>report_new</c> returned: the three blobs, or the errno of its failure.</summary>
public sealed class EvidenceResult
{
    private EvidenceResult(int errno, byte[] outblob, byte[] auxblob, byte[] manifestblob)
    {
        Errno = errno;
        Outblob = outblob;
        Auxblob = auxblob;
        Manifestblob = manifestblob;
    }

    /// <summary>0 on success, else the positive errno (<see cref="LinuxErrno"/>) the blob reads fail with.</summary>
    public int Errno { get; }

    /// <summary>The report; empty on failure.</summary>
    public ReadOnlyMemory<byte> Outblob { get; }

    /// <summary>The supplemental data; empty when there is none.</summary>
    public ReadOnlyMemory<byte> Auxblob { get; }

    /// <summary>The service manifest; empty when there is none.</summary>
    public ReadOnlyMemory<byte> Manifestblob { get; }

    /// <summary>A report made.</summary>
    /// <param name="outblob">The report.</param>
    /// <param name="auxblob">Supplemental data, if any.</param>
    /// <param name="manifestblob">The service manifest, if any.</param>
    public static EvidenceResult Success(ReadOnlyMemory<byte> outblob, ReadOnlyMemory<byte> auxblob = default, ReadOnlyMemory<byte> manifestblob = default) =>
        new(0, outblob.ToArray(), auxblob.ToArray(), manifestblob.ToArray());

    /// <summary>A failure with <paramref name="errno"/>, which every blob read of this generation returns.</summary>
    /// <param name="errno">A positive errno.</param>
    public static EvidenceResult Failure(int errno)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(errno, 1);
        return new EvidenceResult(errno, [], [], []);
    }
}
