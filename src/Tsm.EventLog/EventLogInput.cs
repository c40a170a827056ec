using System;
using System.IO;

namespace Tsm.EventLog;

/// <summary>
/// Bounded reading of log files and streams. Every API of this library that takes a path or a <see cref="Stream"/>
/// reads through here, so no log is read without a bound: at most <see cref="MaxLogSize"/> bytes.
/// </summary>
public static class EventLogInput
{
    /// <summary>
    /// The largest log read from a file or stream: 16 MiB. Real logs are far smaller (a CCEL area is LAML bytes, 64 KiB
    /// to 1 MiB in practice; a TPM <c>binary_bios_measurements</c> tens of KiB), and a verifier must not let a peer
    /// make it buffer an unbounded amount.
    /// </summary>
    public const int MaxLogSize = 16 * 1024 * 1024;

    /// <summary>Reads the file at <paramref name="path"/>, at most <see cref="MaxLogSize"/> bytes.</summary>
    /// <param name="path">The log file, e.g. <c>/sys/kernel/security/tpm0/binary_bios_measurements</c>.</param>
    /// <returns>The file's bytes.</returns>
    /// <exception cref="EventLogFormatException">The file is larger than <see cref="MaxLogSize"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static byte[] ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        return ReadStream(stream);
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end, at most <see cref="MaxLogSize"/> bytes. Sysfs files report a size of
    /// 0 or 4096 whatever they hold, so the length is never trusted: the stream is read until it ends or the bound is passed.
    /// </summary>
    /// <param name="stream">A readable stream.</param>
    /// <returns>The bytes read.</returns>
    /// <exception cref="EventLogFormatException">The stream holds more than <see cref="MaxLogSize"/> bytes.</exception>
    public static byte[] ReadStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using MemoryStream buffer = new();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxLogSize)
            {
                throw new EventLogFormatException("event", MaxLogSize, $"the input is larger than the {MaxLogSize}-byte limit for event logs");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
