using System;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// One report instance of the model: the kernel's <c>struct tsm_report</c> with its <c>desc</c>, its two generations
/// and the cached blobs of the last report (<c>drivers/virt/coco/guest/report.c</c>).
/// </summary>
internal sealed class ReportInstance
{
    public byte[] Inblob { get; } = new byte[TsmReportAttributes.InblobMax];

    public int InblobLength { get; set; }

    public uint Privlevel { get; set; }

    public string? ServiceProvider { get; set; }

    public Guid ServiceGuid { get; set; }

    public uint ServiceManifestVersion { get; set; }

    /// <summary>Set by <c>rmdir</c>: configfs's dead fragment, which open files of the instance still see.</summary>
    public bool Removed { get; set; }

    /// <summary>Advanced by every successful store; what <c>generation</c> shows.</summary>
    public ulong WriteGeneration { get; set; }

    /// <summary>The write generation the cached blobs were made for.</summary>
    public ulong ReadGeneration { get; set; }

    public byte[]? Outblob { get; set; }

    public byte[] Auxblob { get; set; } = [];

    public byte[] Manifestblob { get; set; } = [];

    /// <summary>
    /// <c>try_advance_write_generation</c>: false (EBUSY) when one more write would make the write generation catch up
    /// with the read generation after wrapping, so a reader could not tell the report is stale.
    /// </summary>
    public bool TryAdvanceWriteGeneration()
    {
        if (WriteGeneration == unchecked(ReadGeneration - 1))
        {
            return false;
        }

        WriteGeneration++;
        return true;
    }
}
