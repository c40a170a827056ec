using System;

namespace Tsm.Cli.Commands;

/// <summary>
/// The <c>--backend</c> value of the register commands: <c>sysfs</c> (default, the kernel's files), <c>sysfs:DIR</c>,
/// <c>emulated</c>, <c>tpm:/dev/tpmrm0</c>, <c>tpm:tcp://HOST:PORT</c> (swtpm), <c>tpm:mssim://HOST:PORT</c>.
/// <c>configfs</c> serves reports, not registers.
/// </summary>
internal sealed record BackendSpec(string Text, TsmBackend Backend)
{
    public const string Help = "Where the registers live: sysfs (default), sysfs:DIR, emulated, tpm:/dev/tpmrm0, tpm:tcp://HOST:PORT (swtpm), tpm:mssim://HOST:PORT.";

    /// <exception cref="InputException">The value names no backend, or one that has no registers.</exception>
    public static BackendSpec Parse(string? text)
    {
        string value = string.IsNullOrEmpty(text) ? "sysfs" : text;
        if (value == "sysfs")
        {
            return new(value, TsmBackend.Sysfs());
        }

        if (value == "emulated")
        {
            return new(value, TsmBackend.Emulated());
        }

        if (value.StartsWith("sysfs:", StringComparison.Ordinal) && value.Length > "sysfs:".Length)
        {
            return new(value, TsmBackend.Sysfs(value["sysfs:".Length..]));
        }

        if (value.StartsWith("tpm:", StringComparison.Ordinal) && value.Length > "tpm:".Length)
        {
            try
            {
                return new(value, TsmBackend.Tpm(value["tpm:".Length..]));
            }
            catch (ArgumentException error)
            {
                throw new InputException($"--backend '{value}': {error.Message}");
            }
        }

        if (value == "configfs")
        {
            throw new InputException("--backend configfs serves reports (tsm report), not registers; use sysfs, emulated or tpm:URI");
        }

        throw new InputException($"--backend '{value}' is not a backend; use sysfs, sysfs:DIR, emulated, tpm:/dev/tpmrm0, tpm:tcp://HOST:PORT or tpm:mssim://HOST:PORT");
    }
}
