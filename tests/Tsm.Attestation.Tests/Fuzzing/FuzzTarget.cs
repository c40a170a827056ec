namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>A parser under fuzzing: its oracle and the real inputs to mutate.</summary>
/// <param name="Name">The generated type's name.</param>
/// <param name="Check">Runs one input through the parser and checks the result.</param>
/// <param name="TakesVersion">Whether the parser is given a layout version (nested layouts whose version the parent decides).</param>
/// <param name="Samples">The real inputs.</param>
internal sealed record FuzzTarget(string Name, ParserOracle Check, bool TakesVersion, IReadOnlyList<FuzzSample> Samples);
