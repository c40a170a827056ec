using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// An in-process model of configfs-tsm reports, call for call and errno for errno (<c>fs/configfs/file.c</c>,
/// <c>drivers/virt/coco/guest/report.c</c>), for testing code that requests evidence without a confidential VM:
/// <list type="bullet">
/// <item><c>mkdir</c> fails with ENXIO without a provider; the provider decides which attributes exist (ENOENT otherwise).</item>
/// <item>Text stores run at each <c>write</c>: <c>privlevel</c> and <c>service_manifest_version</c> are <c>kstrtouint</c>
/// base 0, privlevel within [floor, 3], and a failed parse or range check leaves the generation alone;
/// <c>service_guid</c> advances the generation and clears the GUID before parsing, so a bad GUID still advances it;
/// <c>service_provider</c> loses one trailing newline and is checked only by the provider.</item>
/// <item><c>inblob</c> writes are buffered per open file (EFBIG past 64 bytes, EFAULT for an empty write) and stored at
/// close, which advances the generation and whose result is lost. No attribute opens for reading and writing (EACCES).</item>
/// <item>The first blob read of an open file makes the report when the generation changed since the last one (EINVAL
/// without an inblob, else the provider's errno) and snapshots it for that file; the three blobs come from that one
/// report, and a cached report survives register extends until the next store. A blob over 32 KiB is EFBIG.</item>
/// </list>
/// Thread-safe: every call is atomic, as the kernel's <c>tsm_rwsem</c> makes report generation.
/// </summary>
public sealed class EmulatedConfigfsTsm : IConfigfsTsm
{
    // configfs_write_iter stores at most a page less the terminating NUL in one write.
    private const int TextStoreMax = TsmReportAttributes.TextMax - 1;

    // The highest privlevel (TSM_PRIVLEVEL_MAX, include/linux/tsm.h).
    private const uint PrivlevelMax = 3;

    private readonly object _gate = new();
    private readonly Dictionary<string, ReportInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<int, OpenAttribute> _open = [];
    private int _nextHandle = 3;
    private int _pendingReportErrno;

    /// <summary>Creates the report directory with <paramref name="provider"/> registered, or none (then <c>mkdir</c> is ENXIO).</summary>
    /// <param name="provider">The registered provider: <see cref="EmulatedTdxGuest"/>, <see cref="EmulatedSevGuest"/>, <see cref="EmulatedCcaGuest"/> or another.</param>
    public EmulatedConfigfsTsm(IEvidenceProvider? provider) => Provider = provider;

    /// <inheritdoc/>
    public string Root => "emulator:" + LinuxConfigfsTsm.DefaultRoot;

    /// <summary>The registered provider, or null.</summary>
    public IEvidenceProvider? Provider { get; }

    /// <summary>The names of the instances that exist, in ordinal order.</summary>
    public IReadOnlyList<string> Instances
    {
        get
        {
            lock (_gate)
            {
                return [.. _instances.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>How many handles are open.</summary>
    public int OpenHandles
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>How many times the provider was asked for a report (its <c>report_new</c> calls).</summary>
    public int ReportsMade { get; private set; }

    /// <summary>
    /// Makes the provider's next <c>report_new</c> fail with <paramref name="errno"/>, as the driver does: TDX EBUSY (a
    /// quote in flight, or TDG.MR.REPORT busy), EINTR, ETIMEDOUT, ENXIO or EIO; SEV EINVAL or ENXIO for the firmware
    /// status; CCA ENXIO for an RSI failure; ENOMEM for any.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="errno"/> is not one a provider returns.</exception>
    public void FailNextReport(int errno)
    {
        if (errno is not (LinuxErrno.EBUSY or LinuxErrno.EINTR or LinuxErrno.ETIMEDOUT or LinuxErrno.ENXIO or LinuxErrno.EIO or LinuxErrno.EINVAL or LinuxErrno.ENOMEM))
        {
            throw new ArgumentOutOfRangeException(
                nameof(errno),
                errno,
                $"{LinuxErrno.Describe(errno)} is not an error a configfs-tsm provider returns; use EBUSY, EINTR, ETIMEDOUT, ENXIO, EIO, EINVAL or ENOMEM.");
        }

        lock (_gate)
        {
            _pendingReportErrno = errno;
        }
    }

    /// <inheritdoc/>
    public int CreateInstance(string instance)
    {
        CheckName(instance);
        lock (_gate)
        {
            // tsm_report_make_item: no provider registered, no instance (report.c).
            if (Provider is null)
            {
                return -LinuxErrno.ENXIO;
            }

            return _instances.TryAdd(instance, new ReportInstance()) ? 0 : -LinuxErrno.EEXIST;
        }
    }

    /// <inheritdoc/>
    public int RemoveInstance(string instance)
    {
        CheckName(instance);
        lock (_gate)
        {
            // Open files keep their instance, but configfs marks its fragment dead: what they have not read yet
            // and what they store from now on is ENOENT, and a pending inblob is dropped at close.
            if (!_instances.Remove(instance, out ReportInstance? removed))
            {
                return -LinuxErrno.ENOENT;
            }

            removed.Removed = true;
            return 0;
        }
    }

    /// <inheritdoc/>
    public int Open(string instance, string attribute, ConfigfsAccess access)
    {
        CheckName(instance);
        ArgumentNullException.ThrowIfNull(attribute);
        lock (_gate)
        {
            if (!_instances.TryGetValue(instance, out ReportInstance? report) || !TryDescribe(attribute, out bool binary, out bool readable, out bool writable)
                || !Provider!.IsVisible(attribute))
            {
                return -LinuxErrno.ENOENT;
            }

            // __configfs_open_file refuses each requested direction the attribute has no show/store (text) or
            // read/write (binary) for; no configfs-tsm attribute has both, so O_RDWR is always EACCES.
            bool allowed = access switch
            {
                ConfigfsAccess.Read => readable,
                ConfigfsAccess.Write => writable,
                _ => readable && writable,
            };
            if (!allowed)
            {
                return -LinuxErrno.EACCES;
            }

            int handle = _nextHandle++;
            _open.Add(handle, new OpenAttribute(report, attribute, binary, access));
            return handle;
        }
    }

    /// <inheritdoc/>
    public int Read(int handle, Span<byte> buffer)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(handle, out OpenAttribute? file) || file.Access == ConfigfsAccess.Write)
            {
                return -LinuxErrno.EBADF;
            }

            if (file.Snapshot is null)
            {
                int errno = file.IsBinary ? FillBlob(file) : FillText(file);
                if (errno != 0)
                {
                    return -errno;
                }

                // An empty blob is not kept (configfs_bin_read_iter returns the length 0 before needs_read_fill is
                // cleared), so the next read of this file asks again.
                if (file.Snapshot is null)
                {
                    return 0;
                }
            }

            byte[] snapshot = file.Snapshot;
            if (file.Position >= snapshot.Length)
            {
                return 0;
            }

            // copy_to_iter of nothing while bytes remain: configfs turns the 0 into EFAULT.
            if (buffer.IsEmpty)
            {
                return -LinuxErrno.EFAULT;
            }

            int count = (int)Math.Min(buffer.Length, snapshot.Length - file.Position);
            snapshot.AsSpan((int)file.Position, count).CopyTo(buffer);
            file.Position += count;
            return count;
        }
    }

    /// <inheritdoc/>
    public int Write(int handle, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(handle, out OpenAttribute? file) || file.Access == ConfigfsAccess.Read)
            {
                return -LinuxErrno.EBADF;
            }

            return file.IsBinary ? WriteBlob(file, data) : WriteText(file, data);
        }
    }

    /// <inheritdoc/>
    public int Close(int handle)
    {
        lock (_gate)
        {
            if (!_open.Remove(handle, out OpenAttribute? file))
            {
                return -LinuxErrno.EBADF;
            }

            // configfs_release_bin_file runs the binary attribute's write with whatever was buffered, even nothing
            // after a refused write, unless the instance was removed, and ignores its result (fs/configfs/file.c):
            // tsm_report_inblob_write advances the generation and sets inblob_len, or returns EBUSY that nobody sees.
            if (file.IsBinary && file.WriteInProgress && !file.Instance.Removed && file.Instance.TryAdvanceWriteGeneration())
            {
                file.Instance.InblobLength = file.WrittenLength;
                file.Written.AsSpan(0, file.WrittenLength).CopyTo(file.Instance.Inblob);
            }

            return 0;
        }
    }

    private static void CheckName(string instance)
    {
        ArgumentException.ThrowIfNullOrEmpty(instance);
        if (instance.Contains('/'))
        {
            throw new ArgumentException("An instance name is a single path component.", nameof(instance));
        }
    }

    private static bool TryDescribe(string attribute, out bool binary, out bool readable, out bool writable)
    {
        (bool known, binary, readable, writable) = attribute switch
        {
            TsmReportAttributes.Generation or TsmReportAttributes.Provider or TsmReportAttributes.PrivlevelFloor => (true, false, true, false),
            TsmReportAttributes.Privlevel or TsmReportAttributes.ServiceProvider or TsmReportAttributes.ServiceGuid
                or TsmReportAttributes.ServiceManifestVersion => (true, false, false, true),
            TsmReportAttributes.Inblob => (true, true, false, true),
            TsmReportAttributes.Outblob or TsmReportAttributes.Auxblob or TsmReportAttributes.Manifestblob => (true, true, true, false),
            _ => (false, false, false, false),
        };
        return known;
    }

    private static int WriteBlob(OpenAttribute file, ReadOnlySpan<byte> data)
    {
        // configfs_bin_write_iter: the buffer never grows past cb_max_size (TSM_REPORT_INBLOB_MAX), an empty copy is
        // EFAULT, and either failure still marks the write in progress, so close stores what was buffered. Its
        // ETXTBSY for a file that has been read needs an attribute both readable and writable, which report.c has not.
        file.WriteInProgress = true;
        if (file.Position + data.Length > TsmReportAttributes.InblobMax)
        {
            return -LinuxErrno.EFBIG;
        }

        if (data.IsEmpty)
        {
            return -LinuxErrno.EFAULT;
        }

        data.CopyTo(file.Written.AsSpan((int)file.Position));
        file.Position += data.Length;
        file.WrittenLength = Math.Max(file.WrittenLength, (int)file.Position);
        return data.Length;
    }

    private int FillText(OpenAttribute file)
    {
        // configfs_read_iter fills the page with ->show() once per open file; fill_read_buffer is ENOENT once the
        // instance is removed.
        if (file.Instance.Removed)
        {
            return LinuxErrno.ENOENT;
        }

        string text = file.Attribute switch
        {
            TsmReportAttributes.Generation => string.Create(CultureInfo.InvariantCulture, $"{file.Instance.WriteGeneration}\n"),
            TsmReportAttributes.Provider => $"{Provider!.Name}\n",
            _ => string.Create(CultureInfo.InvariantCulture, $"{Provider!.PrivlevelFloor}\n"),
        };
        file.Snapshot = Encoding.ASCII.GetBytes(text);
        return 0;
    }

    private int FillBlob(OpenAttribute file)
    {
        // configfs_bin_read_iter: the first read asks for the length, which is where report.c makes or reuses the
        // report, then copies a snapshot of it; ENOENT once the instance is removed.
        if (file.Instance.Removed)
        {
            return LinuxErrno.ENOENT;
        }

        ReportInstance report = file.Instance;
        if (report.ReadGeneration != report.WriteGeneration || report.Outblob is null)
        {
            int errno = MakeReport(report);
            if (errno != 0)
            {
                return errno;
            }
        }

        byte[] blob = file.Attribute switch
        {
            TsmReportAttributes.Outblob => report.Outblob!,
            TsmReportAttributes.Auxblob => report.Auxblob,
            _ => report.Manifestblob,
        };
        if (blob.Length > TsmReportAttributes.OutblobMax)
        {
            return LinuxErrno.EFBIG;
        }

        file.Snapshot = blob.Length == 0 ? null : blob;
        return 0;
    }

    // tsm_report_read's regeneration: no inblob → EINVAL; report_new fills all three blobs, and only its success
    // makes them current (read_generation = write_generation).
    private int MakeReport(ReportInstance report)
    {
        if (report.InblobLength == 0)
        {
            return LinuxErrno.EINVAL;
        }

        int pending = _pendingReportErrno;
        if (pending != 0)
        {
            _pendingReportErrno = 0;
            return pending;
        }

        ReportsMade++;
        EvidenceResult result = Provider!.Generate(new EvidenceRequest
        {
            Inblob = report.Inblob.AsSpan(0, report.InblobLength).ToArray(),
            Privlevel = report.Privlevel,
            ServiceProvider = report.ServiceProvider,
            ServiceGuid = report.ServiceGuid,
            ServiceManifestVersion = report.ServiceManifestVersion,
        });
        if (result.Errno != 0)
        {
            return result.Errno;
        }

        report.Outblob = result.Outblob.ToArray();
        report.Auxblob = result.Auxblob.ToArray();
        report.Manifestblob = result.Manifestblob.ToArray();
        report.ReadGeneration = report.WriteGeneration;
        return 0;
    }

    private int WriteText(OpenAttribute file, ReadOnlySpan<byte> data)
    {
        // configfs_write_iter: each write is one ->store() of at most a page less one byte; fill_write_buffer turns
        // an empty copy into EFAULT, and flush_write_buffer is ENOENT once the instance is removed.
        if (data.IsEmpty)
        {
            return -LinuxErrno.EFAULT;
        }

        if (file.Instance.Removed)
        {
            return -LinuxErrno.ENOENT;
        }

        int count = Math.Min(data.Length, TextStoreMax);
        ReadOnlySpan<byte> text = data[..count];
        ReportInstance report = file.Instance;
        int errno = file.Attribute switch
        {
            TsmReportAttributes.Privlevel => StorePrivlevel(report, text),
            TsmReportAttributes.ServiceProvider => StoreServiceProvider(report, text),
            TsmReportAttributes.ServiceGuid => StoreServiceGuid(report, text),
            _ => StoreServiceManifestVersion(report, text),
        };
        return errno == 0 ? count : -errno;
    }

    // tsm_report_privlevel_store: parse and range check first, so their failures leave the generation alone.
    private int StorePrivlevel(ReportInstance report, ReadOnlySpan<byte> text)
    {
        int errno = KernelNumbers.ParseUInt(text, out uint value);
        if (errno != 0)
        {
            return errno;
        }

        if (value < Provider!.PrivlevelFloor || value > PrivlevelMax)
        {
            return LinuxErrno.EINVAL;
        }

        if (!report.TryAdvanceWriteGeneration())
        {
            return LinuxErrno.EBUSY;
        }

        report.Privlevel = value;
        return 0;
    }

    // tsm_report_service_provider_store: not validated here; sev_report_new rejects anything but "svsm".
    private static int StoreServiceProvider(ReportInstance report, ReadOnlySpan<byte> text)
    {
        if (!report.TryAdvanceWriteGeneration())
        {
            return LinuxErrno.EBUSY;
        }

        if (!text.IsEmpty && text[^1] == '\n')
        {
            text = text[..^1];
        }

        report.ServiceProvider = Encoding.ASCII.GetString(text);
        return 0;
    }

    // tsm_report_service_guid_store: the generation advances and the GUID is reset before guid_parse, so a bad
    // GUID is EINVAL with the generation advanced and no GUID left. guid_parse reads the first 36 characters.
    private static int StoreServiceGuid(ReportInstance report, ReadOnlySpan<byte> text)
    {
        if (!report.TryAdvanceWriteGeneration())
        {
            return LinuxErrno.EBUSY;
        }

        report.ServiceGuid = Guid.Empty;
        const int GuidLength = 36;
        if (text.Length < GuidLength || !Guid.TryParseExact(Encoding.ASCII.GetString(text[..GuidLength]), "D", out Guid guid))
        {
            return LinuxErrno.EINVAL;
        }

        report.ServiceGuid = guid;
        return 0;
    }

    // tsm_report_service_manifest_version_store: kstrtouint, then the generation.
    private static int StoreServiceManifestVersion(ReportInstance report, ReadOnlySpan<byte> text)
    {
        int errno = KernelNumbers.ParseUInt(text, out uint value);
        if (errno != 0)
        {
            return errno;
        }

        if (!report.TryAdvanceWriteGeneration())
        {
            return LinuxErrno.EBUSY;
        }

        report.ServiceManifestVersion = value;
        return 0;
    }
}
