namespace Tsm.Runtime.Tests.Tpm;

/// <summary>
/// How many-PCR reads are split and checked, against a fake TPM that can return fewer PCRs than asked and change its
/// pcrUpdateCounter between commands.
/// </summary>
public sealed class TpmBatchedReadTests
{
    private static readonly TpmOptions Options = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public void Twenty_four_pcrs_take_three_commands_of_eight()
    {
        var requests = new List<uint>();
        using var server = new FakeTpmServer(command =>
        {
            uint mask = TpmResponses.RequestedPcrs(command);
            lock (requests)
            {
                requests.Add(mask);
            }

            return TpmResponses.Sha256PcrRead(5, mask);
        });
        using TpmSession session = TsmBackend.Tpm(server.Uri, Options).OpenSession(Vendors.Tpm.Definition);
        byte[] values = new byte[24 * 32];

        session.ReadPcrs(MeasurementHash.Sha256, [.. Enumerable.Range(0, 24)], values);

        Assert.Equal([0x0000FFu, 0x00FF00u, 0xFF0000u], requests);
        Assert.All(Enumerable.Range(0, 24), pcr => Assert.All(values.AsSpan(pcr * 32, 32).ToArray(), b => Assert.Equal(pcr, b)));
    }

    [Fact]
    public void When_the_tpm_returns_fewer_pcrs_than_asked_the_rest_are_asked_for_again()
    {
        var requests = new List<uint>();
        using var server = new FakeTpmServer(command =>
        {
            uint mask = TpmResponses.RequestedPcrs(command);
            lock (requests)
            {
                requests.Add(mask);
            }

            return TpmResponses.Sha256PcrRead(5, mask & (uint)-(int)mask);
        });
        using TpmSession session = TsmBackend.Tpm(server.Uri, Options).OpenSession(Vendors.Tpm.Definition);
        byte[] values = new byte[3 * 32];

        session.ReadPcrs(MeasurementHash.Sha256, [9, 2, 23], values);

        Assert.Equal([0x800204u, 0x800200u, 0x800000u], requests);
        Assert.Equal(Enumerable.Repeat((byte)9, 32), values[..32]);
        Assert.Equal(Enumerable.Repeat((byte)2, 32), values[32..64]);
        Assert.Equal(Enumerable.Repeat((byte)23, 32), values[64..]);
    }

    [Fact]
    public void A_pcr_update_between_the_commands_of_one_read_starts_the_read_over()
    {
        uint counter = 0;
        using var server = new FakeTpmServer(command =>
        {
            uint mask = TpmResponses.RequestedPcrs(command);
            uint now = Interlocked.Increment(ref counter);

            // The first pass sees the counter move between its two commands; the second pass does not.
            return TpmResponses.Sha256PcrRead(now <= 2 ? now : 100, mask);
        });
        using TpmSession session = TsmBackend.Tpm(server.Uri, Options).OpenSession(Vendors.Tpm.Definition);

        session.ReadPcrs(MeasurementHash.Sha256, [.. Enumerable.Range(0, 16)], new byte[16 * 32]);

        Assert.Equal(4u, counter);
    }

    [Fact]
    public void A_tpm_that_keeps_changing_its_pcrs_gives_up_after_three_passes()
    {
        uint counter = 0;
        using var server = new FakeTpmServer(command => TpmResponses.Sha256PcrRead(Interlocked.Increment(ref counter), TpmResponses.RequestedPcrs(command)));
        using TpmSession session = TsmBackend.Tpm(server.Uri, Options).OpenSession(Vendors.Tpm.Definition);

        var error = Assert.Throws<TpmException>(() => session.ReadPcrs(MeasurementHash.Sha256, [.. Enumerable.Range(0, 16)], new byte[16 * 32]));

        Assert.Equal(TpmCommand.PcrRead, error.Command);
        Assert.Contains("pcrUpdateCounter moved", error.Message);
        Assert.Equal(6u, counter);
    }

    [Fact]
    public void A_tpm_that_reads_none_of_the_requested_pcrs_is_a_protocol_error_not_a_loop()
    {
        using var server = new FakeTpmServer(_ => TpmResponses.Sha256PcrRead(1, 0));
        using TpmSession session = TsmBackend.Tpm(server.Uri, Options).OpenSession(Vendors.Tpm.Definition);

        var error = Assert.Throws<TpmProtocolException>(() => session.ReadPcrs(MeasurementHash.Sha256, [4], new byte[32]));

        Assert.Contains("read none of the requested PCRs", error.Message);
    }

    [Fact]
    public void Repeated_or_out_of_range_pcrs_are_refused_before_any_command()
    {
        using var server = new FakeTpmServer(_ => throw new InvalidOperationException("no command expected"));
        using TpmSession session = TsmBackend.Tpm(server.Uri, Options).OpenSession(Vendors.Tpm.Definition);

        Assert.Throws<ArgumentException>(() => session.ReadPcrs(MeasurementHash.Sha256, [3, 3], new byte[64]));
        Assert.Throws<ArgumentOutOfRangeException>(() => session.ReadPcrs(MeasurementHash.Sha256, [24], new byte[32]));
        Assert.Throws<TpmBankNotAllocatedException>(() => session.ReadPcrs(MeasurementHash.Sha1, [0], new byte[20]));
    }
}
