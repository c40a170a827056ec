using System;
using System.Buffers.Binary;

namespace Tsm;

/// <summary>Checks a response header (Part 1, command and response structure: tag, size, response code) before any parameter is read.</summary>
internal static class TpmResponse
{
    /// <summary>
    /// Checks that <paramref name="response"/> is one whole response to <paramref name="command"/> and that it succeeded.
    /// </summary>
    /// <returns>A reader at the first parameter: after the header, and for session responses after <c>parameterSize</c>.</returns>
    /// <exception cref="TpmProtocolException">The header is not a TPM response header or its size disagrees with the bytes received.</exception>
    /// <exception cref="TpmResponseException">The TPM returned an error or warning.</exception>
    /// <param name="response">The bytes received.</param>
    /// <param name="command">The command they answer.</param>
    /// <param name="location">The TPM, for messages.</param>
    /// <param name="pcr">The PCR the command was about, or -1; named in the error message.</param>
    /// <param name="locality">The locality the command ran at, when Tsm chose one; named in locality errors.</param>
    public static TpmResponseReader Check(ReadOnlySpan<byte> response, TpmCommand command, string location, int pcr = -1, byte? locality = null)
    {
        if (response.Length < TpmLimits.HeaderSize)
        {
            throw TpmErrors.Malformed(command, location, response.Length, $"a response header is {TpmLimits.HeaderSize} bytes but only {response.Length} arrived");
        }

        ushort tag = BinaryPrimitives.ReadUInt16BigEndian(response);
        if (tag != TpmLimits.NoSessionsTag && tag != TpmLimits.SessionsTag)
        {
            throw TpmErrors.Malformed(command, location, 0, $"the tag is 0x{tag:X4}, not TPM_ST_NO_SESSIONS (0x8001) or TPM_ST_SESSIONS (0x8002): this is not a TPM 2.0 response");
        }

        uint size = BinaryPrimitives.ReadUInt32BigEndian(response[2..]);
        if (size != (uint)response.Length)
        {
            throw TpmErrors.Malformed(command, location, 2, $"the header's size field says {size} bytes but {response.Length} arrived");
        }

        var code = new TpmResponseCode(BinaryPrimitives.ReadUInt32BigEndian(response[6..]));
        if (!code.IsSuccess)
        {
            throw TpmErrors.Refused(command, code, location, pcr, locality);
        }

        var reader = new TpmResponseReader(response, command, location, TpmLimits.HeaderSize);
        if (tag == TpmLimits.NoSessionsTag)
        {
            return reader;
        }

        // With sessions, parameterSize bounds the parameters; the authorization area follows them (Part 1, response structure).
        uint parameterSize = reader.UInt32("parameterSize");
        int start = reader.Offset;
        if (parameterSize > (uint)(response.Length - start))
        {
            throw TpmErrors.Malformed(command, location, start - 4, $"parameterSize {parameterSize} is larger than the {response.Length - start} bytes that follow");
        }

        return new TpmResponseReader(response[..(start + (int)parameterSize)], command, location, start);
    }
}
