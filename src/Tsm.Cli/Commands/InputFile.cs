using System;
using System.IO;
using System.Threading;

namespace Tsm.Cli.Commands;

/// <summary>
/// Reads a file named on the command line (<c>-</c> is standard input), never more than <see cref="MaxLength"/> bytes,
/// turning every failure into an <see cref="InputException"/> that names the file.
/// </summary>
internal static class InputFile
{
    /// <summary>
    /// The most <c>tsm</c> reads from one input: 16 MiB. The largest evidence the kernel hands out is 32 KiB
    /// (configfs-tsm <c>TSM_REPORT_OUTBLOB_MAX</c>, <c>include/linux/tsm.h</c>) and the largest real event log here is a
    /// 256 KiB CCEL area, so this leaves room for any real input while <c>/dev/zero</c> or <c>/dev/urandom</c> stop at
    /// once.
    /// </summary>
    public const int MaxLength = 16 * 1024 * 1024;

    /// <summary>The reason for a path that names nothing: <c>tsm: PATH: no such file</c>, which scripts match.</summary>
    public const string NoSuchFile = "no such file";

    /// <summary>The reason for a path that names a directory, which scripts match.</summary>
    public const string IsADirectory = "is a directory; give the file inside it";

    private static readonly AsyncLocal<Stream?> StandardInputOverride = new();

    /// <summary>Reads <paramref name="path"/>, or standard input for <c>-</c>.</summary>
    /// <exception cref="InputException">No such file, a directory, unreadable, or longer than <see cref="MaxLength"/>.</exception>
    public static byte[] Read(string path)
    {
        if (path == "-")
        {
            return ReadBounded(StandardInputOverride.Value ?? Console.OpenStandardInput(), "standard input");
        }

        if (Directory.Exists(path))
        {
            throw InputException.ForFile(path, IsADirectory);
        }

        try
        {
            using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            return ReadBounded(stream, path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw InputException.ForFile(path, NoSuchFile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw InputException.ForFile(path, $"cannot read: {error.Message}");
        }
    }

    /// <summary>Makes <c>-</c> read <paramref name="stdin"/> in this call flow until the scope is disposed (in-process runs and tests).</summary>
    public static IDisposable UseStandardInput(Stream stdin)
    {
        Stream? previous = StandardInputOverride.Value;
        StandardInputOverride.Value = stdin;
        return new Restore(previous);
    }

    // Character devices and pipes report no length, so the bound is enforced by reading, one byte past the limit.
    private static byte[] ReadBounded(Stream stream, string name)
    {
        using MemoryStream content = new();
        byte[] buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, MaxLength + 1L - content.Length))) > 0)
        {
            content.Write(buffer, 0, read);
            if (content.Length > MaxLength)
            {
                throw InputException.ForFile(name, $"more than {MaxLength} bytes (16 MiB), the most tsm reads from one input; no evidence or event log is that large");
            }
        }

        return content.ToArray();
    }

    private sealed class Restore(Stream? previous) : IDisposable
    {
        public void Dispose() => StandardInputOverride.Value = previous;
    }
}
