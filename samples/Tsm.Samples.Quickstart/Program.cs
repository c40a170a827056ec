using Tsm;
using Tsm.Samples.Quickstart;

// Reads every measurement register of a platform, extends one with the digest of a named event, and checks the
// new value against SHA-x(old || digest) computed here, independently of Tsm. Real hardware when present,
// otherwise the in-process emulator of the kernel ABI.
string vendor = "tdx";
EmulatedBackend? seeded = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--vendor" && i + 1 < args.Length)
    {
        vendor = args[++i];
    }
    else if (args[i] == "--seed" && i + 1 < args.Length)
    {
        try
        {
            seeded = EvidenceSeed.Backend(args[++i]);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
    else if (args[i] is "-h" or "--help")
    {
        Console.WriteLine("usage: quickstart [--vendor tdx|sev-snp|arm-cca|tpm|tsm-mr-sample|all] [--seed QUOTE|TDREPORT|SNPREPORT]");
        Console.WriteLine("  --seed FILE  run on the emulator, starting from the register values in a real TD quote, TDREPORT or SNP report");
        return 0;
    }
    else
    {
        Console.Error.WriteLine($"unknown argument '{args[i]}' (try --help)");
        return 2;
    }
}

IReadOnlyList<string> vendors = vendor == "all" ? Vendors.Names : new[] { vendor };
bool ok = true;
foreach (string name in vendors)
{
    if (!Vendors.Names.Contains(name))
    {
        Console.Error.WriteLine($"unknown vendor '{name}'; shipped vendors: {string.Join(", ", Vendors.Names)}, or 'all'");
        return 2;
    }

    using MeasurementDevice device = seeded is null ? Vendors.Open(name) : Vendors.Open(name, seeded);
    ok &= QuickstartRun.Run(device, Console.Out);
    Console.WriteLine();
}

return ok ? 0 : 1;
