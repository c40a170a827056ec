using System;

namespace Tsm.EventLog.Recording;

/// <summary>A measurement log cannot be opened, read or appended to; the message names the file and what went wrong.</summary>
public class MeasurementLogException : TsmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="logPath">The log file.</param>
    /// <param name="message">What went wrong, starting with the file.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public MeasurementLogException(string logPath, string message, Exception? innerException = null)
        : base(message, path: logPath, innerException: innerException)
    {
        LogPath = logPath;
    }

    /// <summary>The log file.</summary>
    public string LogPath { get; }
}
