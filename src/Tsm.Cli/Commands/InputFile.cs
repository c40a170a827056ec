using System;
using System.IO;

namespace Tsm.Cli.Commands;

/// <summary>Reads a file named on the command line, turning I/O failures into <see cref="InputException"/>.</summary>
internal static class InputFile
{
    public static byte[] Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw InputException.ForFile(path, "no such file");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw InputException.ForFile(path, $"cannot read: {error.Message}");
        }
    }
}
