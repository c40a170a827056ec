using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>The tests cover every TDX and SEV-SNP sample in the shared data, and nothing they name is missing.</summary>
public sealed class SampleInventoryTests
{
    [SampleDataFact]
    public void Every_tdx_and_sevsnp_sample_file_is_known_to_the_tests()
    {
        string[] onDisk = SampleData.Files("tdx").Concat(SampleData.Files("sevsnp")).Concat(SampleData.Files("sevsnp/certs"))
            .Select(f => f.Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(SampleInventory.All.Order(StringComparer.Ordinal), onDisk);
    }
}
