using System;
using System.Globalization;
using System.Text;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// The attribute operations on one report instance, each a bounded open/read-or-write/close that turns every errno
/// into its typed exception. Reads loop to end of file because configfs serves a blob as offset reads of the
/// snapshot the first read took (<c>fs/configfs/file.c</c> <c>configfs_bin_read_iter</c>).
/// </summary>
internal sealed class ConfigfsInstanceFiles
{
    private readonly IConfigfsTsm _files;
    private readonly string _name;

    public ConfigfsInstanceFiles(IConfigfsTsm files, string name, string directory)
    {
        _files = files;
        _name = name;
        Directory = directory;
    }

    /// <summary>The instance directory, for messages.</summary>
    public string Directory { get; }

    /// <summary>The provider, once read.</summary>
    public string? Provider { get; set; }

    /// <summary>The text of a read-only text attribute, at most one page.</summary>
    public string ReadText(string attribute)
    {
        byte[] bytes = Read(attribute, TsmReportAttributes.TextMax, required: true);
        return Encoding.ASCII.GetString(bytes);
    }

    /// <summary>The <c>generation</c> attribute (<c>"%lu\n"</c>).</summary>
    public ulong ReadGeneration()
    {
        string text = ReadText(TsmReportAttributes.Generation);
        return text.EndsWith('\n') && ulong.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out ulong generation)
            ? generation
            : throw ConfigfsReportErrors.Unparsable(TsmReportAttributes.Generation, PathOf(TsmReportAttributes.Generation), Provider, text);
    }

    /// <summary>
    /// A binary attribute, at most <see cref="TsmReportAttributes.OutblobMax"/> bytes. An optional one the provider
    /// hides (ENOENT) is empty, as is one the provider left empty (<c>read</c> returns 0).
    /// </summary>
    public byte[] ReadBlob(string attribute, bool required) => Read(attribute, TsmReportAttributes.OutblobMax, required);

    /// <summary>One store of a write-only text attribute: configfs passes each <c>write</c> to the attribute's store.</summary>
    public void WriteText(string attribute, string value) => Write(attribute, Encoding.ASCII.GetBytes(value));

    /// <summary>The inblob in one write; configfs buffers it and the kernel stores it at close.</summary>
    public void WriteInblob(ReadOnlySpan<byte> inblob) => Write(TsmReportAttributes.Inblob, inblob);

    private byte[] Read(string attribute, int max, bool required)
    {
        string path = PathOf(attribute);
        int handle = _files.Open(_name, attribute, ConfigfsAccess.Read);
        if (handle < 0)
        {
            return !required && handle == -LinuxErrno.ENOENT
                ? []
                : throw ConfigfsReportErrors.FromErrno(-handle, $"Opening '{attribute}'", path, attribute, Provider);
        }

        try
        {
            // One byte more than the bound, so a larger file is seen rather than cut.
            byte[] buffer = new byte[max + 1];
            int length = 0;
            while (length < buffer.Length)
            {
                int count = _files.Read(handle, buffer.AsSpan(length));
                if (count < 0)
                {
                    throw ConfigfsReportErrors.FromErrno(-count, $"Reading '{attribute}'", path, attribute, Provider);
                }

                if (count == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += count;
            }

            throw ConfigfsReportErrors.TooLarge(attribute, path, Provider, max);
        }
        finally
        {
            _ = _files.Close(handle);
        }
    }

    private void Write(string attribute, ReadOnlySpan<byte> data)
    {
        string path = PathOf(attribute);
        int handle = _files.Open(_name, attribute, ConfigfsAccess.Write);
        if (handle < 0)
        {
            throw ConfigfsReportErrors.FromErrno(-handle, $"Opening '{attribute}' for writing", path, attribute, Provider);
        }

        try
        {
            int written = _files.Write(handle, data);
            if (written < 0)
            {
                throw ConfigfsReportErrors.FromErrno(-written, $"Writing '{attribute}'", path, attribute, Provider);
            }

            if (written != data.Length)
            {
                throw ConfigfsReportErrors.ShortWrite(attribute, path, Provider, data.Length, written);
            }
        }
        finally
        {
            // configfs stores a binary attribute here and ignores the store's result (fs/configfs/file.c
            // configfs_release), so close has nothing to report; the generation check sees a lost store.
            _ = _files.Close(handle);
        }
    }

    private string PathOf(string attribute) => $"{Directory}/{attribute}";
}
