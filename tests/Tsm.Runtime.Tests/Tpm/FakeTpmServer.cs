using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Tsm.Runtime.Tests.Tpm;

/// <summary>
/// A loopback TCP server that speaks swtpm's raw protocol badly on purpose: it answers TPM2_Startup and
/// TPM2_GetCapability(TPM_CAP_PCRS) like a TPM with one SHA-256 bank, and every other command with whatever
/// <see cref="Answer"/> returns (null: say nothing and keep the connection open until dispose). One connection per
/// command, served on a thread of its own so a busy thread pool cannot delay it.
/// </summary>
internal sealed class FakeTpmServer : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly ManualResetEventSlim _stopped = new();
    private readonly Thread _thread;

    public FakeTpmServer(Func<byte[], byte[]?> answer)
    {
        Answer = answer;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        _thread = new Thread(Serve) { IsBackground = true, Name = "fake TPM" };
        _thread.Start();
    }

    public Func<byte[], byte[]?> Answer { get; }

    public string Uri => $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}";

    public void Dispose()
    {
        _stopped.Set();
        _listener.Dispose();
        _ = _thread.Join(TimeSpan.FromSeconds(10));
        _stopped.Dispose();
    }

    private void Serve()
    {
        while (!_stopped.IsSet)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                byte[]? request = ReadCommand(client);
                if (request is null)
                {
                    continue;
                }

                byte[]? response = BinaryPrimitives.ReadUInt32BigEndian(request.AsSpan(6)) switch
                {
                    (uint)TpmCommand.Startup => TpmResponses.Success(),
                    (uint)TpmCommand.GetCapability => TpmResponses.Sha256Allocated(),
                    _ => Answer(request),
                };
                if (response is null)
                {
                    _stopped.Wait();
                    return;
                }

                client.Send(response);
            }
        }
    }

    private static byte[]? ReadCommand(Socket client)
    {
        byte[] header = new byte[10];
        if (!ReadExactly(client, header))
        {
            return null;
        }

        byte[] command = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2))];
        header.CopyTo(command, 0);
        return ReadExactly(client, command.AsSpan(10)) ? command : null;
    }

    private static bool ReadExactly(Socket client, Span<byte> buffer)
    {
        try
        {
            while (!buffer.IsEmpty)
            {
                int count = client.Receive(buffer);
                if (count == 0)
                {
                    return false;
                }

                buffer = buffer[count..];
            }

            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
