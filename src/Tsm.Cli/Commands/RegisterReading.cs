using System;
using System.Collections.Generic;

namespace Tsm.Cli.Commands;

/// <summary>One register as <c>tsm registers</c> shows it: its kernel-style qualified name, its facts and its value.</summary>
internal sealed record RegisterReading(string QualifiedName, int Size, string Hash, string Mutability, byte[]? Value, string? Unavailable)
{
    /// <summary>Reads every register of the session's device; a register that cannot be read says why instead of failing the rest.</summary>
    /// <exception cref="TsmException">A read failed for a reason other than the register being unreadable or its bank unallocated.</exception>
    public static IReadOnlyList<RegisterReading> ReadAll(MeasurementSession session)
    {
        var readings = new List<RegisterReading>();
        foreach (RegisterDefinition register in session.Definition.Registers)
        {
            MeasurementHash hash = session.ResolveHash(register);
            string name = session.QualifiedNameOf(register);
            int size = session.ResolveSize(register);
            string hashName = hash == MeasurementHash.None ? "none" : MeasurementHashInfo.KernelName(hash);
            string mutability = (register.IsExtendable ? "extendable" : "read-only") + (register.IsLive ? ", live" : string.Empty);
            if (!register.IsReadable)
            {
                readings.Add(new(name, size, hashName, mutability, null, "not readable"));
                continue;
            }

            try
            {
                byte[] value = new byte[size];
                session.Read(register, value);
                readings.Add(new(name, size, hashName, mutability, value, null));
            }
            catch (TpmBankNotAllocatedException)
            {
                readings.Add(new(name, size, hashName, mutability, null, "bank not allocated"));
            }
        }

        return readings;
    }

    /// <summary>The value as lowercase hex, or why there is none.</summary>
    public string ValueText => Value is null ? $"({Unavailable})" : Convert.ToHexStringLower(Value);
}
