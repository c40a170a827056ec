using Tsm;
using Tsm.Vendors;

namespace Tsm.Samples.Quickstart;

/// <summary>
/// Starts the emulator from real evidence (<c>--seed FILE</c>): a TD quote or TDREPORT sets the TDX registers, an SNP
/// report the SEV-SNP ones, so a developer's machine shows the values of a production guest.
/// </summary>
internal static class EvidenceSeed
{
    /// <summary>The largest evidence file read: a TD quote with its certification data fits in the kernel's 8 KiB quote buffer many times over.</summary>
    private const long MaxFileSize = 64 * 1024;

    public static EmulatedBackend Backend(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > MaxFileSize)
        {
            throw new ArgumentException($"--seed '{path}': {(info.Exists ? $"larger than {MaxFileSize} bytes" : "no such file")}");
        }

        byte[] evidence = File.ReadAllBytes(path);
        EmulatedBackend backend = TsmBackend.Emulated();
        IReadOnlyList<string> seeded =
            TdQuote.TryParse(evidence, out _) ? backend.Device(Tdx.Definition).SeedFrom(v => TdQuote.Parse(evidence).VisitFields(v))
            : TdReport.TryParse(evidence, out _) ? backend.Device(Tdx.Definition).SeedFrom(v => TdReport.Parse(evidence).VisitFields(v))
            : SnpReport.TryParse(evidence, out _) ? backend.Device(SevSnp.Definition).SeedFrom(v => SnpReport.Parse(evidence).VisitFields(v))
            : throw new ArgumentException($"--seed '{path}' is not a TD quote, TDREPORT or SEV-SNP report");
        Console.WriteLine($"Emulator seeded from {path}: {string.Join(", ", seeded)}");
        Console.WriteLine();
        return backend;
    }
}
