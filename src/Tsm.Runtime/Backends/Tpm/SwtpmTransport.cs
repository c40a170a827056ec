using System;
using System.Net;

namespace Tsm;

/// <summary>
/// swtpm's TCP data socket: the raw command goes out and the raw response comes back, read as the 10-byte header and
/// then the rest it announces (swtpm(8); tpm2-tss <c>src/tss2-tcti/tcti-swtpm.c</c>). A locality is set through swtpm's control port.
/// </summary>
internal sealed class SwtpmTransport : TpmTransport
{
    private readonly TpmEndpoint _endpoint;
    private readonly TpmOptions _options;
    private IPEndPoint? _data;
    private TpmSocket? _kept;

    public SwtpmTransport(TpmEndpoint endpoint, TpmOptions options)
    {
        _endpoint = endpoint;
        _options = options;
    }

    public override string Location => _endpoint.Location;

    public override bool IsSimulator => true;

    public override int Transmit(TpmCommand command, ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (_options.Locality is { } locality)
        {
            SwtpmControl.SetLocality(_endpoint, locality, _options.Timeout, command);
        }

        TpmSocket socket = _kept ?? TpmSocket.Connect(_data ??= _endpoint.Resolve(0, command), _options.Timeout, command, Location, "data port");
        _kept = null;
        bool keep = false;
        try
        {
            socket.Send(request, command);
            int received = socket.Receive(response[..TpmLimits.HeaderSize], command);
            if (received == 0)
            {
                throw TpmErrors.Transport(command, Location, "the simulator closed the connection without answering (it stopped, or the port is not a TPM)");
            }

            if (received < TpmLimits.HeaderSize)
            {
                throw TpmErrors.Malformed(command, Location, received, $"the connection closed after {received} bytes, inside the {TpmLimits.HeaderSize}-byte response header");
            }

            int size = AnnouncedSize(command, response, response.Length);
            received += socket.Receive(response[TpmLimits.HeaderSize..size], command);
            if (received < size)
            {
                throw TpmErrors.Malformed(command, Location, received, $"the connection closed after {received} of the {size} bytes the response header announced");
            }

            keep = _options.KeepConnection;
            return size;
        }
        finally
        {
            // A connection that failed mid-command is never reused: its next bytes could be the rest of this response.
            if (keep)
            {
                _kept = socket;
            }
            else
            {
                socket.Dispose();
            }
        }
    }

    public override void Dispose()
    {
        _kept?.Dispose();
        _kept = null;
    }
}
