namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>A length, type or version field of a sample, which the fuzzer corrupts on purpose.</summary>
/// <param name="Name">The schema name, e.g. <c>signaturedatalength</c>.</param>
/// <param name="Offset">Where the little-endian field starts in the sample.</param>
/// <param name="Size">1, 2 or 4 bytes.</param>
internal sealed record LengthField(string Name, int Offset, int Size);
