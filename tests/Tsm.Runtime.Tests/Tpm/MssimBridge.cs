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
/// Each port is served on a thread of its own.
/// </summary>
internal sealed class MssimBridge : IDisposable
{
    private const uint SendCommand = 8;
    private const uint SessionEnd = 20;

    private readonly IPEndPoint _swtpm;
    private readonly Socket _data = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _platform = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Thread[] _threads;

    public MssimBridge(int swtpmPort)
    {
        _swtpm = new IPEndPoint(IPAddress.Loopback, swtpmPort);
        int port = LoopbackPorts.FreePair();
        _data.Bind(new IPEndPoint(IPAddress.Loopback, port));
        _platform.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
        _data.Listen();
        _platform.Listen();
        Uri = $"mssim://127.0.0.1:{port}";
        _threads = [new Thread(() => Serve(_data, Commands)) { IsBackground = true }, new Thread(() => Serve(_platform, Signals)) { IsBackground = true }];
        foreach (Thread thread in _threads)
        {
            thread.Start();
        }
    }

    public string Uri { get; }

    public ConcurrentQueue<uint> ReceivedSignals { get; } = new();

    /// <summary>
    /// The signals received once there are <paramref name="count"/> of them, waiting up to five seconds: the client
    /// sends TPM_SESSION_END without waiting for an answer, so the bridge's thread may record it after the client has
    /// moved on.
    /// </summary>
    public uint[] SignalsOnce(int count)
    {
        SpinWait.SpinUntil(() => ReceivedSignals.Count >= count, TimeSpan.FromSeconds(5));
        return [.. ReceivedSignals];
    }

    public ConcurrentQueue<byte> ReceivedLocalities { get; } = new();

    /// <summary>Added to the frame's length field (not to the bytes sent), to make the frame disagree with the response.</summary>
    public int LengthSkew { get; set; }

    public void Dispose()
    {
        _data.Dispose();
        _platform.Dispose();
        foreach (Thread thread in _threads)
        {
            _ = thread.Join(TimeSpan.FromSeconds(10));
        }
    }

    private static void Serve(Socket listener, Action<Socket> serve)
    {
        while (true)
        {
            try
            {
                using Socket client = listener.Accept();
                serve(client);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
            {
                if (e is ObjectDisposedException || !listener.IsBound)
                {
                    return;
                }
            }
        }
    }

    private void Signals(Socket client)
    {
        byte[] word = new byte[4];
        while (Read(client, word))
        {
            uint signal = BinaryPrimitives.ReadUInt32BigEndian(word);
            ReceivedSignals.Enqueue(signal);
            if (signal == SessionEnd)
            {
                return;
            }

            client.Send(new byte[4]);
        }
    }

    private void Commands(Socket client)
    {
        byte[] word = new byte[4];
        while (Read(client, word))
        {
            uint code = BinaryPrimitives.ReadUInt32BigEndian(word);
            if (code == SessionEnd)
            {
                return;
            }

            if (code != SendCommand)
            {
                throw new IOException($"The mssim data port got code {code}.");
            }

            byte[] locality = new byte[1];
            Require(Read(client, locality));
            ReceivedLocalities.Enqueue(locality[0]);
            Require(Read(client, word));
            byte[] command = new byte[BinaryPrimitives.ReadUInt32BigEndian(word)];
            Require(Read(client, command));

            byte[] response = Forward(command);
            byte[] length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)(response.Length + LengthSkew));
            client.Send(length);
            client.Send(response);
            client.Send(new byte[4]);
        }
    }

    private byte[] Forward(byte[] command)
    {
        using var swtpm = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        swtpm.Connect(_swtpm);
        swtpm.Send(command);
        byte[] header = new byte[10];
        Require(Read(swtpm, header));
        byte[] response = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2))];
        header.CopyTo(response, 0);
        Require(Read(swtpm, response.AsSpan(10)));
        return response;
    }

    private static void Require(bool read)
    {
        if (!read)
        {
            throw new IOException("The peer closed the connection mid-frame.");
        }
    }

    private static bool Read(Socket socket, Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            int count = socket.Receive(buffer);
            if (count == 0)
            {
                return false;
            }

            buffer = buffer[count..];
        }

        return true;
    }
}
