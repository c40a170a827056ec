namespace Tsm.Runtime.Tests.Tpm;

/// <summary>The URIs <c>TsmBackend.Tpm</c> accepts, and the ones it refuses with a list of what works.</summary>
public sealed class TpmEndpointTests
{
    [Theory]
    [InlineData("/dev/tpmrm0", "/dev/tpmrm0")]
    [InlineData("tcp://127.0.0.1:2321", "tcp://127.0.0.1:2321")]
    [InlineData("tcp://localhost", "tcp://localhost:2321")]
    [InlineData("mssim://[::1]:5000/", "mssim://[::1]:5000")]
    public void Accepted_forms_and_how_they_are_named(string uri, string location)
    {
        Assert.Equal(location, TsmBackend.Tpm(uri).Location);
    }

    [Theory]
    [InlineData("http://127.0.0.1:2321")]
    [InlineData("tcp://127.0.0.1:2321/tpm")]
    [InlineData("tcp://127.0.0.1:2321?locality=2")]
    [InlineData("dev/tpm0")]
    public void Anything_else_names_the_accepted_forms(string uri)
    {
        var error = Assert.Throws<ArgumentException>(() => TsmBackend.Tpm(uri));

        Assert.Contains("/dev/tpmrm0", error.Message);
        Assert.Contains("tcp://host:port", error.Message);
        Assert.Contains("mssim://host:port", error.Message);
    }

    [Fact]
    public void The_last_port_is_refused_because_the_control_port_follows_it()
    {
        Assert.Contains("port + 1", Assert.Throws<ArgumentException>(() => TsmBackend.Tpm("tcp://127.0.0.1:65535")).Message);
    }

    [Fact]
    public void A_definition_with_registers_that_are_not_pcrs_is_refused_before_connecting()
    {
        var error = Assert.Throws<ArgumentException>(() => TsmBackend.Tpm("tcp://127.0.0.1:1").Open(TdxDevice.Definition));

        Assert.Contains("is not a TPM PCR", error.Message);
    }
}
