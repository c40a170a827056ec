using System.Net;
using System.Net.Sockets;

namespace Tsm.Testing;

/// <summary>Free loopback ports for test servers: a pair P, P+1, because simulators put their control port at data + 1.</summary>
internal static class LoopbackPorts
{
    public static int FreePair()
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            using var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            first.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)first.LocalEndPoint!).Port;
            if (port >= 65534)
            {
                continue;
            }

            using var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                second.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException)
            {
                // P+1 is taken; try another P.
            }
        }

        throw new InvalidOperationException("No two adjacent free loopback ports found in 50 attempts.");
    }
}
