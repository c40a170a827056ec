using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Tsm;

/// <summary>
/// A Linux TPM character device: <c>/dev/tpmrm0</c> (the kernel's resource manager, shareable) or <c>/dev/tpm0</c> (one
/// opener at a time). The driver takes one whole command per <c>write</c> and returns one whole response per
/// <c>read</c> (<c>drivers/char/tpm/tpm-dev-common.c</c>), runs it at locality 0 and applies the TPM's own command
/// timeouts, so no timeout of ours applies.
/// </summary>
internal sealed unsafe class TpmDeviceTransport : TpmTransport
{
    private int _fd;

    /// <exception cref="TsmDeviceNotFoundException">The device does not exist.</exception>
    /// <exception cref="TpmTransportException">The device exists but cannot be opened (permissions, or /dev/tpm0 already open).</exception>
    public TpmDeviceTransport(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException($"TPM character devices such as '{path}' are a Linux interface. Use tcp:// or mssim:// to reach a simulator instead.");
        }

        Location = path;
        byte[] native = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, native);
        fixed (byte* p = native)
        {
            do
            {
                _fd = LibC.Open(p, LibC.O_RDWR | LibC.O_CLOEXEC);
            }
            while (_fd < 0 && Marshal.GetLastPInvokeError() == LinuxErrno.EINTR);
        }

        if (_fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                LinuxErrno.ENOENT => new TsmDeviceNotFoundException(
                    $"TPM device '{path}' does not exist: this machine has no TPM, or the Linux TPM driver is not loaded (tpm_tis, tpm_crb, tpm_ibmvtpm; a vTPM under SEV-SNP needs the SVSM vTPM driver). "
                    + "To use a simulator, pass tcp://host:port (swtpm) or mssim://host:port; to run without one, Tpm.Open(TsmBackend.Emulated()).",
                    path),
                LinuxErrno.EACCES or LinuxErrno.EPERM => TpmErrors.Transport(null, path, $"opening the device was refused with {LinuxErrno.Describe(errno)}: run as root or as a member of the group that owns it (udev gives /dev/tpmrm0 to 'tss' on most distributions); reading PCRs without it works through TsmBackend.Sysfs()", errno),
                LinuxErrno.EBUSY => TpmErrors.Transport(null, path, $"opening the device failed with {LinuxErrno.Describe(errno)}: /dev/tpm0 allows one opener and another process (such as tpm2-abrmd) has it; use /dev/tpmrm0, which the kernel shares", errno),
                _ => TpmErrors.Transport(null, path, $"opening the device failed with {LinuxErrno.Describe(errno)}", errno),
            };
        }
    }

    public override string Location { get; }

    public override bool IsSimulator => false;

    public override int Transmit(TpmCommand command, ReadOnlySpan<byte> request, Span<byte> response)
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        nint written;
        fixed (byte* p = request)
        {
            written = LibC.Write(_fd, p, (nuint)request.Length);
        }

        if (written < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw TpmErrors.Transport(command, Location, $"writing the command failed with {LinuxErrno.Describe(errno)}", errno);
        }

        if (written != request.Length)
        {
            throw TpmErrors.Transport(command, Location, $"the driver took {written} of the {request.Length} command bytes; a TPM device takes a whole command in one write");
        }

        nint count;
        fixed (byte* p = response)
        {
            do
            {
                count = LibC.Read(_fd, p, (nuint)response.Length);
            }
            while (count < 0 && Marshal.GetLastPInvokeError() == LinuxErrno.EINTR);
        }

        if (count < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw TpmErrors.Transport(command, Location, $"reading the response failed with {LinuxErrno.Describe(errno)}", errno);
        }

        if (count == 0)
        {
            throw TpmErrors.Transport(command, Location, "the device returned no response: it is not a TPM character device");
        }

        int received = (int)count;
        if (received < TpmLimits.HeaderSize)
        {
            throw TpmErrors.Malformed(command, Location, received, $"the driver returned {received} bytes, less than a {TpmLimits.HeaderSize}-byte response header");
        }

        if (AnnouncedSize(command, response, response.Length) != received)
        {
            throw TpmErrors.Malformed(command, Location, 2, $"the header's size field disagrees with the {received} bytes the driver returned");
        }

        return received;
    }

    public override void Dispose()
    {
        if (_fd >= 0)
        {
            _ = LibC.Close(_fd);
            _fd = -1;
        }
    }
}
