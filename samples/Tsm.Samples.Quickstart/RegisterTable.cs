using Tsm;

namespace Tsm.Samples.Quickstart;

/// <summary>Prints name, size, hash, mutability and value of every register as an aligned text table.</summary>
internal static class RegisterTable
{
    public static void Write(MeasurementDevice device, TextWriter output)
    {
        var rows = new List<string[]> { new[] { "register", "size", "hash", "mutability", "value" } };
        foreach (IMeasurementRegister register in device.Registers)
        {
            rows.Add(new[]
            {
                register.QualifiedName,
                register.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
                register.Hash == MeasurementHash.None ? "none" : MeasurementHashInfo.KernelName(register.Hash),
                Mutability(register),
                Value(register),
            });
        }

        int[] widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in rows)
        {
            output.WriteLine("  " + string.Join("  ", row.Take(4).Select((cell, c) => cell.PadRight(widths[c]))) + "  " + row[4]);
        }
    }

    private static string Mutability(IMeasurementRegister register) =>
        (register.IsExtendable ? "extendable" : "read-only") + (register.IsLive ? ", live" : string.Empty);

    private static string Value(IMeasurementRegister register)
    {
        try
        {
            return Convert.ToHexStringLower(register.ReadBytes());
        }
        catch (TsmException e)
        {
            return "(unreadable: " + e.Message + ")";
        }
    }
}
