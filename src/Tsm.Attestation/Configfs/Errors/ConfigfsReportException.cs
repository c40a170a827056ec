using System;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// The base of every configfs-tsm report failure: which attribute of which provider failed, with the errno the kernel
/// (or the model) returned when there was one. The derived types say what kind of failure it was.
/// </summary>
public class ConfigfsReportException : TsmException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="message">What failed, where, and what to do.</param>
    /// <param name="errno">The Linux errno behind the failure, if any.</param>
    /// <param name="path">The instance directory or attribute file involved.</param>
    /// <param name="attribute">The attribute involved (<see cref="TsmReportAttributes"/>), if any.</param>
    /// <param name="provider">The provider, once it is known.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public ConfigfsReportException(string message, int? errno = null, string? path = null, string? attribute = null, string? provider = null, Exception? innerException = null)
        : base(message, errno, registerName: null, path, innerException)
    {
        Attribute = attribute;
        Provider = provider;
    }

    /// <summary>The attribute involved (<c>inblob</c>, <c>outblob</c>, ...), or null for the instance directory itself.</summary>
    public string? Attribute { get; }

    /// <summary>The provider (<c>tdx_guest</c>, <c>sev_guest</c>, <c>arm_cca_guest</c>), or null when it was not known yet.</summary>
    public string? Provider { get; }
}
