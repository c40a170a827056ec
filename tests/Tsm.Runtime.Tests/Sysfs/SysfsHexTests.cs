using System.Text;

namespace Tsm.Runtime.Tests.Sysfs;

/// <summary>TPM PCR files: <c>pcr-&lt;hash&gt;/&lt;n&gt;</c>, uppercase hex and a newline, read-only (<c>drivers/char/tpm/tpm-sysfs.c</c>).</summary>
public sealed class SysfsHexTests : IDisposable
{
    private static readonly byte[] Pcr7 = Reference.Bytes(32, 30);
    private readonly TemporarySysfsDirectory _directory = new();

    public SysfsHexTests()
    {
        _directory.Write("pcr-sha256/7", Encoding.ASCII.GetBytes(Convert.ToHexString(Pcr7) + "\n"));
        _directory.Write("pcr-sha1/7", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Reference.Bytes(20, 31))));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_pcr_file_reads_as_the_digest_it_spells()
    {
        using GenericDevice tpm = Open();

        Assert.Equal(Pcr7, tpm.Register("pcr7:sha256").ReadBytes());
    }

    [Fact]
    public void Lowercase_digits_without_a_newline_are_accepted_too()
    {
        using GenericDevice tpm = Open();

        Assert.Equal(Reference.Bytes(20, 31), tpm.Register("pcr-sha1/7").ReadBytes());
    }

    public static TheoryData<string, int, string> MalformedFiles => new()
    {
        { "0123", 4, "ends after 4 bytes" },
        { "01234G" + new string('0', 58), 5, "0x47 is not a hex digit" },
        { new string('a', 64) + "x", 64, "0x78 follows the value" },
        { new string('a', 64) + "\n\n", 65, "data follows the newline" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Anything_else_is_an_error_naming_the_file_and_the_offset(string content, int offset, string problem)
    {
        _directory.Write("pcr-sha256/7", Encoding.ASCII.GetBytes(content));
        using GenericDevice tpm = Open();

        var error = Assert.Throws<TsmException>(() => tpm.Register("pcr7:sha256").ReadBytes());

        Assert.Contains(_directory.PathOf("pcr-sha256/7"), error.Message);
        Assert.Contains($"at offset {offset}", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Pcrs_cannot_be_extended_through_sysfs_and_the_error_points_to_the_tpm_backend()
    {
        byte[] before = _directory.Read("pcr-sha256/7");
        using GenericDevice tpm = Open();

        var error = Assert.Throws<MeasurementRegisterNotWritableException>(() => tpm.Register("pcr7:sha256").Extend(new byte[32]));

        Assert.Contains("TsmBackend.Tpm(\"/dev/tpmrm0\")", error.Message);
        Assert.Contains("TPM2_PCR_Extend", error.Message);
        Assert.Equal(before, _directory.Read("pcr-sha256/7"));
    }

    private GenericDevice Open() => GenericDevice.Open(TpmLike.Definition, TsmBackend.Sysfs(_directory.Path));
}
