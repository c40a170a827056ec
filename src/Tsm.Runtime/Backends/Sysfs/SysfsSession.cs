using System;
using System.IO;
using System.Linq;

namespace Tsm;

/// <summary>
/// Reads and extends registers through their files: binary tsm-mr attributes (one <c>pread</c>/<c>pwrite</c> of exactly
/// the register size at offset 0) or TPM hex text files (read-only). Errnos become typed exceptions.
/// </summary>
internal sealed class SysfsSession : MeasurementSession
{
    private readonly string _directory;
    private readonly MeasurementHash[] _hashes;
    private readonly RegisterFile?[] _files;

    public SysfsSession(DeviceDefinition definition, string directory)
        : base(definition)
    {
        _directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!Directory.Exists(_directory))
        {
            throw RegisterErrors.DeviceNotFound(definition, _directory);
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException(
                $"The sysfs backend uses Linux system calls and cannot open '{_directory}' on this OS. Use TsmBackend.Emulated() instead.");
        }

        _hashes = new MeasurementHash[definition.Registers.Count];
        _files = new RegisterFile?[definition.Registers.Count];
        for (int i = 0; i < _files.Length; i++)
        {
            RegisterDefinition register = definition.Registers[i];
            _hashes[i] = register.HasHashChoices ? ProbeHashChoice(register) : register.Hash;
            if (!register.HasHashChoices || _hashes[i] != MeasurementHash.None)
            {
                _files[i] = new RegisterFile(Path.Combine(_directory, RegisterDefinition.Resolve(register.FileName, _hashes[i])));
            }
        }
    }

    /// <summary>The register directory, as a full path.</summary>
    public override string Location => _directory;

    /// <summary>For hash-choice registers, the hash whose file exists; <see cref="MeasurementHash.None"/> when none does.</summary>
    public override MeasurementHash ResolveHash(RegisterDefinition register) => _hashes[IndexOf(register)];

    /// <inheritdoc/>
    public override string PathOf(RegisterDefinition register) =>
        _files[IndexOf(register)]?.Path ?? Path.Combine(_directory, register.FileName);

    /// <summary>A bank of a crypto-agile device exists when its file does (the TPM driver makes no pcr-&lt;alg&gt; directory for a bank that is not allocated).</summary>
    /// <inheritdoc/>
    public override bool IsAvailable(RegisterDefinition register) =>
        register.Bank == MeasurementHash.None || File.Exists(PathOf(register));

    /// <inheritdoc/>
    public override void Read(RegisterDefinition register, Span<byte> destination)
    {
        ThrowIfDisposed();
        RegisterFile file = FileOf(register);
        int size = CheckRead(register, destination);
        if (Definition.Encoding == SysfsEncoding.Hex)
        {
            Span<byte> text = stackalloc byte[HexRegisterText.ReadLength(size)];
            int length = Check(file.Read(text), register, file, extending: false, size);
            HexRegisterText.Parse(text[..length], destination[..size], QualifiedNameOf(register), file.Path);
            return;
        }

        int count = Check(file.Read(destination[..size]), register, file, extending: false, size);
        if (count < size)
        {
            throw RegisterErrors.ShortRead(QualifiedNameOf(register), file.Path, size, count);
        }
    }

    /// <inheritdoc/>
    public override void Extend(RegisterDefinition register, ReadOnlySpan<byte> data)
    {
        ThrowIfDisposed();
        if (Definition.Encoding == SysfsEncoding.Hex && register.IsExtendable)
        {
            throw RegisterErrors.PcrThroughSysfs(QualifiedNameOf(register), PathOf(register));
        }

        CheckExtend(register, data);
        RegisterFile file = FileOf(register);
        int written = Check(file.Write(data), register, file, extending: true, data.Length);
        if (written != data.Length)
        {
            throw RegisterErrors.ShortWrite(QualifiedNameOf(register), file.Path, data.Length, written);
        }
    }

    // Arm CCA realms pick one hash at creation, and the kernel names the files after it; the existing file tells which.
    private MeasurementHash ProbeHashChoice(RegisterDefinition register) =>
        register.HashChoices.FirstOrDefault(choice => Path.Exists(Path.Combine(_directory, RegisterDefinition.Resolve(register.FileName, choice))));

    private RegisterFile FileOf(RegisterDefinition register)
    {
        int index = IndexOf(register);
        return _files[index] ?? throw new MeasurementRegisterNotFoundException(
            $"Register '{register.QualifiedName}' of {Definition.DisplayName} has no file in '{_directory}': probed "
            + string.Join(", ", register.HashChoices.Select(choice => RegisterDefinition.Resolve(register.FileName, choice)))
            + ". The platform does not expose this register; check the kernel version and that the driver is loaded.",
            LinuxErrno.ENOENT,
            register.QualifiedName,
            PathOf(register));
    }

    private int Check(int result, RegisterDefinition register, RegisterFile file, bool extending, int size)
    {
        if (result >= 0)
        {
            return result;
        }

        int errno = -result;
        throw extending && errno is LinuxErrno.EACCES or LinuxErrno.EPERM
            ? RegisterErrors.WriteDenied(errno, QualifiedNameOf(register), file.Path)
            : RegisterErrors.FromErrno(errno, extending, QualifiedNameOf(register), file.Path, size);
    }
}
