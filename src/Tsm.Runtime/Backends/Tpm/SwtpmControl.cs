using System;
using System.Buffers.Binary;

namespace Tsm;

/// <summary>
/// swtpm's control channel (the data port + 1), used only to choose the locality of the following commands:
/// <c>CMD_SET_LOCALITY</c> (0x05) as a big-endian u32, then the locality byte; swtpm answers with a u32 result, 0 for
/// success (swtpm <c>include/swtpm/tpm_ioctl.h</c> <c>struct ptm_loc</c>; swtpm(8)).
/// </summary>
internal static class SwtpmControl
{
    private const uint SetLocalityCommand = 0x05;

    public static void SetLocality(TpmEndpoint endpoint, byte locality, TimeSpan timeout, TpmCommand command)
    {
        using TpmSocket control = TpmSocket.Connect(endpoint.Resolve(1, command), timeout, command, endpoint.Location, "swtpm control port");
        Span<byte> request = stackalloc byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(request, SetLocalityCommand);
        request[4] = locality;
        control.Send(request, command);

        Span<byte> result = stackalloc byte[4];
        int received = control.Receive(result, command);
        if (received < result.Length)
        {
            throw TpmErrors.Transport(command, endpoint.Location, $"swtpm's control port closed after {received} of the 4 bytes answering CMD_SET_LOCALITY");
        }

        uint code = BinaryPrimitives.ReadUInt32BigEndian(result);
        if (code != 0)
        {
            throw TpmErrors.Transport(command, endpoint.Location, $"swtpm refused CMD_SET_LOCALITY {locality} with result 0x{code:X8} (locality 4 is refused when swtpm runs with --locality reject-locality-4)");
        }
    }
}
