using System;
using System.Collections.Generic;

namespace Tsm;

/// <summary>
/// A register of a PCR bank the TPM has not allocated (TPM_CAP_PCRS lists it with no PCRs, or not at all), raised
/// before any command is sent. The message names the bank and the allocated ones.
/// </summary>
public sealed class TpmBankNotAllocatedException : TsmException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="message">The bank, the allocated banks and what to do.</param>
    /// <param name="bank">The bank that is not allocated.</param>
    /// <param name="allocatedBanks">The banks the TPM has allocated.</param>
    /// <param name="registerName">The register that was used, when one was.</param>
    /// <param name="path">The TPM's device path or URI.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public TpmBankNotAllocatedException(
        string message,
        MeasurementHash bank,
        IReadOnlyList<MeasurementHash> allocatedBanks,
        string? registerName = null,
        string? path = null,
        Exception? innerException = null)
        : base(message, errno: null, registerName, path, innerException)
    {
        ArgumentNullException.ThrowIfNull(allocatedBanks);
        Bank = bank;
        AllocatedBanks = allocatedBanks;
    }

    /// <summary>The bank that is not allocated.</summary>
    public MeasurementHash Bank { get; }

    /// <summary>The banks the TPM has allocated, in the order it lists them.</summary>
    public IReadOnlyList<MeasurementHash> AllocatedBanks { get; }
}
