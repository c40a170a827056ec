using System;

namespace Tsm;

/// <summary>
/// Carries one command to the TPM and its response back: a character device, swtpm's raw TCP socket or the MS
/// simulator's framed protocol. Implementations bound every read by the response buffer (4096 bytes) and turn every
/// failure into a <see cref="TpmException"/> naming the command.
/// </summary>
internal abstract class TpmTransport : IDisposable
{
    /// <summary>The TPM, as the user named it: <c>/dev/tpmrm0</c>, <c>tcp://127.0.0.1:2321</c>.</summary>
    public abstract string Location { get; }

    /// <summary>Whether this is a simulator that needs TPM2_Startup after power-on (the session sends it at open).</summary>
    public abstract bool IsSimulator { get; }

    /// <summary>Sends <paramref name="request"/> and receives one whole response into <paramref name="response"/>.</summary>
    /// <returns>The response's length: exactly the size its header announces.</returns>
    /// <exception cref="TpmTransportException">The TPM could not be reached, closed the connection or timed out.</exception>
    /// <exception cref="TpmProtocolException">The response header is not plausible or announces more than the buffer holds.</exception>
    public abstract int Transmit(TpmCommand command, ReadOnlySpan<byte> request, Span<byte> response);

    /// <summary>Closes the device or connection.</summary>
    public abstract void Dispose();

    /// <summary>
    /// The size a response header announces, checked before any more is read: the tag must be a TPM 2.0 response tag,
    /// and the size at least the header and at most <paramref name="capacity"/>.
    /// </summary>
    protected int AnnouncedSize(TpmCommand command, ReadOnlySpan<byte> header, int capacity, int frameOffset = 0)
    {
        ushort tag = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(header);
        if (tag != TpmLimits.NoSessionsTag && tag != TpmLimits.SessionsTag)
        {
            throw TpmErrors.Malformed(command, Location, frameOffset, $"the tag is 0x{tag:X4}, not TPM_ST_NO_SESSIONS (0x8001) or TPM_ST_SESSIONS (0x8002): this is not a TPM 2.0 response");
        }

        uint size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[2..]);
        if (size < TpmLimits.HeaderSize)
        {
            throw TpmErrors.Malformed(command, Location, frameOffset + 2, $"the header's size field says {size} bytes, less than the {TpmLimits.HeaderSize}-byte header itself");
        }

        if (size > (uint)capacity)
        {
            throw TpmErrors.Malformed(command, Location, frameOffset + 2, $"the header's size field says {size} bytes, more than the {capacity}-byte bound (the TPM's MAX_RESPONSE_SIZE); nothing more was read");
        }

        return (int)size;
    }
}
