namespace Tsm.EventLog.Tcg;

/// <summary>What validating a TCG log found: its kind, where the Spec ID's algorithm table is, and where the events end.</summary>
/// <param name="CryptoAgile">Whether the log starts with a Spec ID Event03 header (TCG_PCR_EVENT2 events follow).</param>
/// <param name="AlgorithmsOffset">Where the Spec ID's digestSizes[] starts (crypto-agile logs).</param>
/// <param name="AlgorithmsLength">The length of digestSizes[] in bytes (4 per algorithm).</param>
/// <param name="Length">Where the last event ends; padding, if any, follows.</param>
/// <param name="Count">The number of events, the Spec ID header included.</param>
internal readonly record struct TcgLogLayout(bool CryptoAgile, int AlgorithmsOffset, int AlgorithmsLength, int Length, int Count);
