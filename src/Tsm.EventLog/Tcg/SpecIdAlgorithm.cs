namespace Tsm.EventLog.Tcg;

/// <summary>One entry of the Spec ID event's digestSizes[] array: a bank the log carries and the size of its digests.</summary>
/// <param name="Algorithm">The TPM_ALG_ID.</param>
/// <param name="DigestSize">The size in bytes of that algorithm's digests in every TCG_PCR_EVENT2 of the log.</param>
public readonly record struct SpecIdAlgorithm(TpmAlgorithm Algorithm, ushort DigestSize);
