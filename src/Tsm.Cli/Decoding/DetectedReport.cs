namespace Tsm.Cli.Decoding;

/// <summary>What auto-detection found: the format, and where the report lies when an envelope wraps it.</summary>
/// <param name="Format">The report layout.</param>
/// <param name="Envelope">The wrapper, or <see cref="ReportEnvelope.None"/>.</param>
/// <param name="Start">The byte offset of the report in the file (0 without an envelope).</param>
/// <param name="Length">The bytes the envelope gives the report (its fixed size, or less when the file is cut short); null: up to the end of the file.</param>
internal readonly record struct DetectedReport(ReportFormat Format, ReportEnvelope Envelope, int Start, int? Length);
