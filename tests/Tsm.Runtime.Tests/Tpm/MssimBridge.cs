using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Tsm.Runtime.Tests.Tpm;

/// <summary>
/// An MS/IBM simulator front end (swtpm 0.7 speaks only its raw protocol, swtpm(8)) written from the mssim wire protocol
/// in tpm2-tss <c>src/tss2-tcti/tcti-mssim.h</c>: the platform port (data + 1) takes u32 signals (POWER_ON 1, NV_ON 11,
/// TPM_SESSION_END 20) and acknowledges each with a u32 0; the data port takes u32 TPM_SEND_COMMAND (8), u8 locality,
/// u32 length and the command, and answers u32 length, the response and a u32 0. The commands go on to a real swtpm, so
/// the answers are a TPM's. It records every signal and locality byte it receives, and can corrupt the frame length.
/// </summary>
internal sealed class MssimBridge : IDisposable
{
    private readonly string _swtpmHost = "127.0.0.1";
    private readonly int _swtpmPort;
    private readonly TcpListener _data;
    private readonly TcpListener _platform;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;

    public MssimBridge(int swtpmPort)
    {
        _swtpmPort = swtpmPort;
        int port = LoopbackPorts.FreePair();
        _data = new TcpListener(IPAddress.Loopback, port);
        _platform = new TcpListener(IPAddress.Loopback, port + 1);
        _data.Start();
        _platform.Start();
        Uri = $"mssim://127.0.0.1:{port}";
        _loops = [Task.Run(() => ServeAsync(_data, CommandsAsync)), Task.Run(() => ServeAsync(_platform, SignalsAsync))];
    }

    public string Uri { get; }

    public ConcurrentQueue<uint> Signals { get; } = new();

    public ConcurrentQueue<byte> Localities { get; } = new();

    /// <summary>Added to the frame's length field (not to the bytes sent), to make the frame disagree with the response.</summary>
    public int LengthSkew { get; set; }

    public void Dispose()
    {
        _stop.Cancel();
        _data.Stop();
        _platform.Stop();
        _ = Task.WaitAll(_loops, TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private async Task ServeAsync(TcpListener listener, Func<Socket, Task> serve)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using Socket client = await listener.AcceptSocketAsync(_stop.Token);
                await serve(client);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private async Task SignalsAsync(Socket client)
    {
        byte[] word = new byte[4];
        while (await ReadAsync(client, word))
        {
            uint signal = BinaryPrimitives.ReadUInt32BigEndian(word);
            Signals.Enqueue(signal);
            if (signal == 20)
            {
                return;
            }

            await client.SendAsync(new byte[4]);
        }
    }

    private async Task CommandsAsync(Socket client)
    {
        byte[] word = new byte[4];
        while (await ReadAsync(client, word))
        {
            uint code = BinaryPrimitives.ReadUInt32BigEndian(word);
            if (code == 20)
            {
                return;
            }

            if (code != 8)
            {
                throw new IOException($"mssim data port got code {code}");
            }

            byte[] locality = new byte[1];
            _ = await ReadAsync(client, locality);
            Localities.Enqueue(locality[0]);
            _ = await ReadAsync(client, word);
            byte[] command = new byte[BinaryPrimitives.ReadUInt32BigEndian(word)];
            _ = await ReadAsync(client, command);

            byte[] response = await ForwardAsync(command);
            byte[] length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)(response.Length + LengthSkew));
            await client.SendAsync(length);
            await client.SendAsync(response);
            await client.SendAsync(new byte[4]);
        }
    }

    private async Task<byte[]> ForwardAsync(byte[] command)
    {
        using var swtpm = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await swtpm.ConnectAsync(_swtpmHost, _swtpmPort, _stop.Token);
        await swtpm.SendAsync(command);
        byte[] header = new byte[10];
        _ = await ReadAsync(swtpm, header);
        byte[] response = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2))];
        header.CopyTo(response, 0);
        _ = await ReadAsync(swtpm, response.AsMemory(10));
        return response;
    }

    private async Task<bool> ReadAsync(Socket socket, Memory<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int count = await socket.ReceiveAsync(buffer[total..], _stop.Token);
            if (count == 0)
            {
                return total == 0 && buffer.Length > 0 ? false : throw new IOException("closed mid-frame");
            }

            total += count;
        }

        return true;
    }
}
