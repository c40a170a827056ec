using System;
using System.Collections.Generic;
using System.CommandLine.Completions;
using System.IO;
using System.Linq;

namespace Tsm.Cli.Commands;

/// <summary>
/// Completes a file name for an argument or option that names a file, read or written, so a shell that asks
/// <c>tsm</c> for completions offers paths there and the fixed values elsewhere.
/// </summary>
internal static class FileNameCompletion
{
    /// <summary>
    /// The entries of the directory being typed into that start with what is typed so far; directories end in
    /// <c>/</c> so completing can go on inside them. An unreadable directory completes to nothing.
    /// </summary>
    public static IEnumerable<CompletionItem> Complete(CompletionContext context)
    {
        string typed = context.WordToComplete;
        string start = Path.GetFileName(typed);
        string prefix = typed[..(typed.Length - start.Length)];
        try
        {
            // Filtered here rather than by a search pattern, in which a typed '*' or '?' would be a wildcard.
            return new DirectoryInfo(prefix.Length > 0 ? prefix : ".")
                .EnumerateFileSystemInfos()
                .Where(entry => entry.Name.StartsWith(start, StringComparison.Ordinal))
                .Select(entry => prefix + entry.Name + (entry is DirectoryInfo ? "/" : string.Empty))
                .Order(StringComparer.Ordinal)
                .Select(name => new CompletionItem(name))
                .ToArray();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }
}
