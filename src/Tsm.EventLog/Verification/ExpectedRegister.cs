using System;
using Tsm.EventLog.Registers;

namespace Tsm.EventLog.Verification;

/// <summary>A register bank's value as evidence states it.</summary>
/// <param name="Register">The register.</param>
/// <param name="Bank">The bank.</param>
/// <param name="Value">The stated value.</param>
public sealed record ExpectedRegister(RegisterId Register, MeasurementHash Bank, ReadOnlyMemory<byte> Value);
