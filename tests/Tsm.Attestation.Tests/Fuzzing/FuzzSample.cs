namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>One real input of a parser, with the fields worth corrupting.</summary>
/// <param name="Name">Where it comes from: the sample file, and the nested part for nested parsers.</param>
/// <param name="Bytes">The input; never modified (mutations work on copies).</param>
/// <param name="Version">The layout version the parser is given (only nested parsers take one).</param>
/// <param name="AcceptedFrom">
/// The shortest prefix the parser accepts: the parsed length (quotes keep trailing bytes, so every longer prefix is
/// accepted too), or <see cref="int.MaxValue"/> when the sample itself is invalid.
/// </param>
/// <param name="Fields">The length, type and version fields of this sample.</param>
internal sealed record FuzzSample(string Name, byte[] Bytes, long Version, int AcceptedFrom, IReadOnlyList<LengthField> Fields);
