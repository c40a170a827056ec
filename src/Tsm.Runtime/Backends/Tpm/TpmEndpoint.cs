using System;
using System.Net;
using System.Net.Sockets;

namespace Tsm;

/// <summary>
/// Where a TPM is, parsed from the URI given to <see cref="TsmBackend.Tpm(string, TpmOptions?)"/>: an absolute device path
/// (<c>/dev/tpmrm0</c>), <c>tcp://host:port</c> (swtpm's raw data socket) or <c>mssim://host:port</c> (the MS/IBM
/// simulator protocol). The port defaults to 2321, the simulators' conventional data port (tpm2-tss tcti-swtpm
/// <c>TCTI_SWTPM_DEFAULT_PORT</c>); their control or platform port is always the data port + 1.
/// </summary>
internal sealed class TpmEndpoint
{
    public const int DefaultPort = 2321;

    private TpmEndpoint(TpmEndpointKind kind, string location, string? host, int port)
    {
        Kind = kind;
        Location = location;
        Host = host;
        Port = port;
    }

    public TpmEndpointKind Kind { get; }

    /// <summary>The device path, or the URI in normal form (<c>tcp://127.0.0.1:2321</c>).</summary>
    public string Location { get; }

    public string? Host { get; }

    public int Port { get; }

    /// <exception cref="ArgumentException">The text is none of the three forms.</exception>
    public static TpmEndpoint Parse(string uri)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        if (uri[0] == '/')
        {
            return new TpmEndpoint(TpmEndpointKind.Device, uri, null, 0);
        }

        if (!Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed)
            || parsed.Scheme is not ("tcp" or "mssim")
            || parsed.UserInfo.Length != 0
            || parsed.AbsolutePath is not ("" or "/")
            || parsed.Query.Length != 0
            || parsed.Fragment.Length != 0
            || parsed.IdnHost.Length == 0)
        {
            throw new ArgumentException(
                $"'{uri}' is not a TPM location. Use a character device path (/dev/tpmrm0, /dev/tpm0), tcp://host:port for swtpm's TCP data socket, or mssim://host:port for the MS/IBM TPM simulator (port default {DefaultPort}; the control port is port + 1).",
                nameof(uri));
        }

        int port = parsed.IsDefaultPort || parsed.Port < 0 ? DefaultPort : parsed.Port;
        if (port is < 1 or > 65534)
        {
            throw new ArgumentException($"'{uri}': the port must be 1-65534, because the simulator's control port is port + 1.", nameof(uri));
        }

        string host = parsed.IdnHost;
        string shown = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return new TpmEndpoint(parsed.Scheme == "tcp" ? TpmEndpointKind.Swtpm : TpmEndpointKind.Mssim, $"{parsed.Scheme}://{shown}:{port}", host, port);
    }

    /// <summary>The data (<paramref name="offset"/> 0) or control (1) port's address.</summary>
    /// <param name="offset">0 for the data port, 1 for the control or platform port.</param>
    /// <param name="command">The command being sent, for the error message; null during mssim's power-on.</param>
    /// <exception cref="TpmTransportException">The host name does not resolve.</exception>
    public IPEndPoint Resolve(int offset, TpmCommand? command)
    {
        if (IPAddress.TryParse(Host, out IPAddress? address))
        {
            return new IPEndPoint(address, Port + offset);
        }

        IPAddress[] addresses;
        try
        {
            addresses = Dns.GetHostAddresses(Host!);
        }
        catch (SocketException e)
        {
            throw TpmErrors.Transport(command, Location, $"the host name '{Host}' does not resolve ({e.SocketErrorCode})", inner: e);
        }

        if (addresses.Length == 0)
        {
            throw TpmErrors.Transport(command, Location, $"the host name '{Host}' resolves to no address");
        }

        IPAddress chosen = Array.Find(addresses, a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0];
        return new IPEndPoint(chosen, Port + offset);
    }
}
