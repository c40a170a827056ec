using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tsm.Runtime.Tests.Tpm;

using Tpm = Tsm.Vendors.Tpm;

/// <summary>
/// Peers that are not well-behaved TPMs: every malformed, truncated, oversized or missing response is a typed error
/// naming the command (and the byte offset), never an IndexOutOfRange or EndOfStream, and never a hang.
/// </summary>
public sealed class FakeTpmTests
{
    private static readonly TpmOptions Short = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public void Garbage_is_a_protocol_error_at_the_tag()
    {
        using var server = new FakeTpmServer(_ => "HTTP/1.1 400 Bad"u8.ToArray());
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(server.Uri, Short));

        var error = Assert.Throws<TpmProtocolException>(() => tpm.Sha256.Pcr(0).Read());

        Assert.Equal(TpmCommand.PcrRead, error.Command);
        Assert.Equal(0, error.Offset);
        Assert.Contains("TPM2_PCR_Read", error.Message);
        Assert.Contains("not a TPM 2.0 response", error.Message);
    }

    [Fact]
    public void A_response_cut_short_names_how_much_arrived_of_what_the_header_announced()
    {
        byte[] truncated = [.. TpmResponses.Header(0x8001, 10 + 4 + 10 + 4 + 2 + 32, 0), 0, 0, 0, 1];
        using var server = new FakeTpmServer(_ => truncated);
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(server.Uri, Short));

        var error = Assert.Throws<TpmProtocolException>(() => tpm.Sha256.Pcr(0).Read());

        Assert.Equal(14, error.Offset);
        Assert.Contains("closed after 14 of the 62 bytes", error.Message);
    }

    [Fact]
    public void An_oversized_size_field_is_rejected_before_reading_further()
    {
        using var server = new FakeTpmServer(_ => TpmResponses.Header(0x8001, 100_000, 0));
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(server.Uri, Short));

        var error = Assert.Throws<TpmProtocolException>(() => tpm.Sha256.Pcr16.Extend(Sha256Digest.Compute("x"u8)));

        Assert.Equal(TpmCommand.PcrExtend, error.Command);
        Assert.Equal(2, error.Offset);
        Assert.Contains("says 100000 bytes, more than the 4096-byte bound", error.Message);
    }

    [Fact]
    public void A_size_field_smaller_than_the_header_is_rejected()
    {
        using var server = new FakeTpmServer(_ => TpmResponses.Header(0x8001, 4, 0));
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(server.Uri, Short));

        Assert.Contains("less than the 10-byte header", Assert.Throws<TpmProtocolException>(() => tpm.Sha256.Pcr(1).Read()).Message);
    }

    [Fact]
    public void A_well_framed_response_whose_fields_overrun_it_is_a_protocol_error_at_the_field()
    {
        // pcrUpdateCounter, then a selection count of 1 with nothing after it.
        byte[] response = [.. TpmResponses.Header(0x8001, 18, 0), 0, 0, 0, 7, 0, 0, 0, 1];
        using var server = new FakeTpmServer(_ => response);
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(server.Uri, Short));

        var error = Assert.Throws<TpmProtocolException>(() => tpm.Sha256.Pcr(2).Read());

        Assert.Equal(18, error.Offset);
        Assert.Contains("the selection's hash algorithm needs 2 bytes but the response ends after 18 bytes", error.Message);
    }

    [Fact]
    public void A_response_code_is_decoded_with_its_parameter_number()
    {
        using var server = new FakeTpmServer(_ => TpmResponses.Error(0x1C4));
        using TpmSession session = TsmBackend.Tpm(server.Uri, Short).OpenSession(Tpm.Definition);

        var error = Assert.Throws<TpmResponseException>(() => session.GetRandom(new byte[8]));

        Assert.Equal(1, error.ResponseCode.ParameterNumber);
        Assert.Contains("TPM2_GetRandom failed", error.Message);
        Assert.Contains("TPM_RC_VALUE (0x1C4), parameter 1", error.Message);
    }

    [Fact]
    public void A_tpm_that_never_answers_times_out_instead_of_hanging()
    {
        using var server = new FakeTpmServer(_ => null);
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(server.Uri, new TpmOptions { Timeout = TimeSpan.FromMilliseconds(500) }));
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<TpmTransportException>(() => tpm.Sha256.Pcr(3).Read());

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        Assert.Contains("no answer after 0.5 s", error.Message);
        Assert.Contains("TpmOptions.Timeout", error.Message);
    }

    [Fact]
    public void A_connect_that_is_never_accepted_times_out()
    {
        // A listener that never accepts, with its accept queue full: the kernel drops further SYNs, so connect hangs.
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;
        using var queued = new Socket(SocketType.Stream, ProtocolType.Tcp);
        queued.Connect(endpoint);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<TpmTransportException>(() => Tpm.Open(TsmBackend.Tpm($"tcp://127.0.0.1:{endpoint.Port}", new TpmOptions { Timeout = TimeSpan.FromMilliseconds(500) })));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        Assert.Equal(TpmCommand.Startup, error.Command);
        Assert.Contains("took longer than 0.5 s", error.Message);
    }

    [Fact]
    public void A_tpm_that_closes_without_answering_is_a_transport_error()
    {
        using var server = new FakeTpmServer(_ => []);
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(server.Uri, Short));

        var error = Assert.Throws<TpmTransportException>(() => tpm.Sha256.Pcr(4).Read());

        Assert.Contains("closed the connection without answering", error.Message);
    }

    [Fact]
    public void Nobody_listening_is_a_transport_error_at_open()
    {
        int port = LoopbackPorts.FreePair();

        var error = Assert.Throws<TpmTransportException>(() => Tpm.Open(TsmBackend.Tpm($"tcp://127.0.0.1:{port}", Short)));

        Assert.Equal(TpmCommand.Startup, error.Command);
        Assert.Contains("cannot connect", error.Message);
    }
}
