using System;

namespace Tsm.Cli.Commands;

/// <summary>
/// Input <c>tsm</c> cannot use: a file that cannot be read or is not what its option needs, or an option value or
/// combination that does not apply. The message is the whole line after <c>tsm: </c>.
/// </summary>
internal sealed class InputException(string message) : Exception(message)
{
    /// <summary>A problem with the file at <paramref name="path"/>.</summary>
    public static InputException ForFile(string path, string reason) => new($"{path}: {reason}");
}
