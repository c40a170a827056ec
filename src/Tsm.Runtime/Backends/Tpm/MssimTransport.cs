using System;
using System.Buffers.Binary;
using System.Net;

namespace Tsm;

/// <summary>
/// The MS/IBM TPM simulator protocol ("mssim"; tpm2-tss <c>src/tss2-tcti/tcti-mssim.h</c> and <c>tcti-mssim.c</c>). On the
/// platform port (data port + 1) each signal is a big-endian u32 answered by a u32 0 acknowledgement: POWER_ON (1) and
/// NV_ON (11) at open. On the data port a command is framed as u32 TPM_SEND_COMMAND (8), u8 locality, u32 length and
/// the command; the answer is u32 length, the response, and a u32 0 acknowledgement. TPM_SESSION_END (20) tells the
/// simulator a client is leaving.
/// </summary>
internal sealed class MssimTransport : TpmTransport
{
    private const uint PowerOnSignal = 1;
    private const uint SendCommand = 8;
    private const uint NvOnSignal = 11;
    private const uint SessionEnd = 20;
    private const int FrameHeaderSize = 9;

    private readonly TpmEndpoint _endpoint;
    private readonly TpmOptions _options;
    private IPEndPoint? _data;
    private TpmSocket? _kept;

    public MssimTransport(TpmEndpoint endpoint, TpmOptions options)
    {
        _endpoint = endpoint;
        _options = options;
    }

    public override string Location => _endpoint.Location;

    public override bool IsSimulator => true;

    /// <summary>Powers the simulator on and makes its NV memory available, as a freshly started simulator needs.</summary>
    public void PowerOn()
    {
        TpmSocket platform = TpmSocket.Connect(_endpoint.Resolve(1, null), _options.Timeout, null, Location, "mssim platform port");
        try
        {
            Signal(platform, PowerOnSignal, "POWER_ON");
            Signal(platform, NvOnSignal, "NV_ON");
            EndSession(platform);
        }
        finally
        {
            platform.CloseGracefully();
        }
    }

    public override int Transmit(TpmCommand command, ReadOnlySpan<byte> request, Span<byte> response)
    {
        TpmSocket socket = _kept ?? TpmSocket.Connect(_data ??= _endpoint.Resolve(0, command), _options.Timeout, command, Location, "mssim data port");
        _kept = null;
        bool keep = false;
        try
        {
            Span<byte> frame = stackalloc byte[FrameHeaderSize];
            BinaryPrimitives.WriteUInt32BigEndian(frame, SendCommand);
            frame[4] = _options.Locality ?? 0;
            BinaryPrimitives.WriteUInt32BigEndian(frame[5..], (uint)request.Length);
            socket.Send(frame, command);
            socket.Send(request, command);

            Span<byte> word = stackalloc byte[4];
            int received = socket.Receive(word, command);
            if (received == 0)
            {
                throw TpmErrors.Transport(command, Location, "the simulator closed the connection without answering (it stopped, or the port is not an MS simulator)");
            }

            if (received < 4)
            {
                throw TpmErrors.Malformed(command, Location, received, $"the connection closed after {received} bytes, inside the 4-byte mssim response length");
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(word);
            if (length < TpmLimits.HeaderSize || length > (uint)response.Length)
            {
                throw TpmErrors.Malformed(command, Location, 0, $"the mssim frame announces a {length}-byte response; a response is {TpmLimits.HeaderSize} to {response.Length} bytes (the TPM's MAX_RESPONSE_SIZE); nothing more was read");
            }

            int size = (int)length;
            received = socket.Receive(response[..size], command);
            if (received < size)
            {
                throw TpmErrors.Malformed(command, Location, 4 + received, $"the connection closed after {received} of the {size} response bytes the mssim frame announced");
            }

            if (AnnouncedSize(command, response, response.Length, frameOffset: 4) != size)
            {
                throw TpmErrors.Malformed(command, Location, 6, $"the response header's size field disagrees with the mssim frame length {size}");
            }

            ReadAcknowledgement(socket, command, 4 + size);
            keep = _options.KeepConnection;
            return size;
        }
        finally
        {
            if (keep)
            {
                _kept = socket;
            }
            else
            {
                EndSession(socket);
                socket.CloseGracefully();
            }
        }
    }

    public override void Dispose()
    {
        if (_kept is { } socket)
        {
            EndSession(socket);
            socket.CloseGracefully();
            _kept = null;
        }
    }

    private static void EndSession(TpmSocket socket)
    {
        // Best effort: the simulator may already be gone, and the connection closes either way.
        Span<byte> signal = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(signal, SessionEnd);
        try
        {
            socket.Send(signal, null);
        }
        catch (TpmTransportException)
        {
        }
    }

    private void Signal(TpmSocket platform, uint signal, string name)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, signal);
        platform.Send(word, null);
        ReadAcknowledgement(platform, null, 0, name);
    }

    private void ReadAcknowledgement(TpmSocket socket, TpmCommand? command, int offset, string what = "the response")
    {
        Span<byte> ack = stackalloc byte[4];
        int received = socket.Receive(ack, command);
        if (received < 4)
        {
            throw TpmErrors.Malformed(command, Location, offset + received, $"the connection closed after {received} bytes of the 4-byte acknowledgement that follows {what}");
        }

        uint value = BinaryPrimitives.ReadUInt32BigEndian(ack);
        if (value != 0)
        {
            throw TpmErrors.Malformed(command, Location, offset, $"the acknowledgement after {what} is 0x{value:X8}, not 0");
        }
    }
}
