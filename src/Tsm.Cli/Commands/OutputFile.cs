using System;
using System.IO;

namespace Tsm.Cli.Commands;

/// <summary>Writes a file named on the command line, turning every failure into an <see cref="InputException"/> that names it.</summary>
internal static class OutputFile
{
    /// <exception cref="InputException">The file cannot be written.</exception>
    public static void Write(string path, byte[] content)
    {
        try
        {
            File.WriteAllBytes(path, content);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw InputException.ForFile(path, $"cannot write: {error.Message}");
        }
    }
}
