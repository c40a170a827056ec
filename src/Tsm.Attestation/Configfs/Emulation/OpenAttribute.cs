namespace Tsm.Attestation.Configfs;

/// <summary>
/// One open file of the model: configfs's per-open <c>struct configfs_buffer</c> (<c>fs/configfs/file.c</c>), which
/// holds the inblob being written until close and the snapshot the first read took.
/// </summary>
internal sealed class OpenAttribute
{
    public OpenAttribute(ReportInstance instance, string attribute, bool isBinary, ConfigfsAccess access)
    {
        Instance = instance;
        Attribute = attribute;
        IsBinary = isBinary;
        Access = access;
    }

    public ReportInstance Instance { get; }

    public string Attribute { get; }

    public bool IsBinary { get; }

    public ConfigfsAccess Access { get; }

    public bool WriteInProgress { get; set; }

    /// <summary>The bytes written so far (binary attributes), stored at close.</summary>
    public byte[] Written { get; } = new byte[TsmReportAttributes.InblobMax];

    public int WrittenLength { get; set; }

    /// <summary>What the first read saw, served at offsets to the later reads of this open file.</summary>
    public byte[]? Snapshot { get; set; }

    public long Position { get; set; }
}
