using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Tsm.Runtime.Tests.Tpm;

/// <summary>
/// A loopback TCP server that speaks swtpm's raw protocol badly on purpose: it answers TPM2_Startup and
/// TPM2_GetCapability(TPM_CAP_PCRS) like a TPM with one SHA-256 bank, and every other command with whatever
/// <see cref="Answer"/> returns (null: say nothing and keep the connection open). One connection per command; it stops
/// at dispose.
/// </summary>
internal sealed class FakeTpmServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeTpmServer(Func<byte[], byte[]?> answer)
    {
        Answer = answer;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Func<byte[], byte[]?> Answer { get; }

    public string Uri => $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _ = _loop.Wait(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                byte[] request;
                try
                {
                    request = await ReadCommandAsync(client);
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
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
                    await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    continue;
                }

                await client.SendAsync(response);
            }
        }
    }

    private async Task<byte[]> ReadCommandAsync(Socket client)
    {
        byte[] header = new byte[10];
        await ReadExactlyAsync(client, header);
        byte[] command = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2))];
        header.CopyTo(command, 0);
        await ReadExactlyAsync(client, command.AsMemory(10));
        return command;
    }

    private async Task ReadExactlyAsync(Socket client, Memory<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            int count = await client.ReceiveAsync(buffer, _stop.Token);
            if (count == 0)
            {
                throw new IOException("The client closed the connection mid-command.");
            }

            buffer = buffer[count..];
        }
    }
}
