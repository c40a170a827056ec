using System;
using System.Net;
using System.Net.Sockets;

namespace Tsm;

/// <summary>
/// One TCP connection to a simulator, with the session's timeout on connect, send and every receive, and every socket
/// failure turned into a <see cref="TpmTransportException"/> naming the command.
/// </summary>
internal sealed class TpmSocket : IDisposable
{
    private readonly Socket _socket;
    private readonly string _location;

    private TpmSocket(Socket socket, string location)
    {
        _socket = socket;
        _location = location;
    }

    /// <summary>Connects to <paramref name="endpoint"/> within <paramref name="timeout"/>.</summary>
    public static TpmSocket Connect(EndPoint endpoint, TimeSpan timeout, TpmCommand? command, string location, string port)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = (int)timeout.TotalMilliseconds,
            SendTimeout = (int)timeout.TotalMilliseconds,
        };
        try
        {
            // A blocking connect: Linux bounds it by SO_SNDTIMEO (net/ipv4/af_inet.c __inet_stream_connect uses
            // sock_sndtimeo), and a socket that never leaves blocking mode lets .NET make plain send/recv calls that
            // allocate nothing, where a socket once switched to non-blocking goes through its async machinery.
            socket.Connect(endpoint);
            return new TpmSocket(socket, location);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.InProgress or SocketError.WouldBlock or SocketError.TimedOut)
        {
            socket.Dispose();
            throw TpmErrors.Transport(command, location, $"connecting to the {port} {endpoint} took longer than {timeout.TotalSeconds:0.###} s", inner: e);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw TpmErrors.Transport(command, location, $"cannot connect to the {port} {endpoint} ({e.SocketErrorCode}): is the simulator running and listening there?", inner: e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends all of <paramref name="data"/>.</summary>
    public void Send(ReadOnlySpan<byte> data, TpmCommand? command)
    {
        try
        {
            while (!data.IsEmpty)
            {
                data = data[_socket.Send(data)..];
            }
        }
        catch (SocketException e)
        {
            throw Failed(command, "sending", e);
        }
    }

    /// <summary>Receives until <paramref name="buffer"/> is full or the peer closes the connection.</summary>
    /// <returns>The number of bytes received: less than the buffer only when the peer closed the connection.</returns>
    public int Receive(Span<byte> buffer, TpmCommand? command)
    {
        int received = 0;
        try
        {
            while (received < buffer.Length)
            {
                int count = _socket.Receive(buffer[received..]);
                if (count == 0)
                {
                    break;
                }

                received += count;
            }
        }
        catch (SocketException e)
        {
            throw Failed(command, "waiting for the response", e);
        }

        return received;
    }

    /// <summary>
    /// Closes with a reset (SO_LINGER 0), so the client side leaves no TIME_WAIT: one connection per command would
    /// otherwise park an ephemeral port for a minute per command, and a loop of commands runs out of them (the round-trip
    /// benchmark left 14,000). Every caller has read the whole answer first, so the peer loses nothing.
    /// </summary>
    public void Dispose()
    {
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // Already reset by the peer: there is nothing left to linger over.
        }

        _socket.Dispose();
    }

    /// <summary>Closes with the normal FIN handshake, for peers that must read a last message (mssim's TPM_SESSION_END).</summary>
    public void CloseGracefully() => _socket.Dispose();

    private TpmTransportException Failed(TpmCommand? command, string activity, SocketException e) => e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock
        ? TpmErrors.Transport(command, _location, $"no answer after {_socket.ReceiveTimeout / 1000.0:0.###} s while {activity} (TpmOptions.Timeout); the simulator is hung, or another client holds its single connection", inner: e)
        : TpmErrors.Transport(command, _location, $"the connection failed while {activity} ({e.SocketErrorCode}): the simulator closed it or stopped", inner: e);
}
