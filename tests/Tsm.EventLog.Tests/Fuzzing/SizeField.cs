namespace Tsm.EventLog.Tests.Fuzzing;

/// <summary>A size or count field of a sample log, which the fuzzer corrupts on purpose.</summary>
/// <param name="Offset">Where the field starts.</param>
/// <param name="Size">1, 2, 4 or 8 bytes.</param>
/// <param name="BigEndian">CEL TLV lengths are big-endian; TCG fields little-endian.</param>
internal sealed record SizeField(int Offset, int Size, bool BigEndian);
