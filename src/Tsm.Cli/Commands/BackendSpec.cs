using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace Tsm.Cli.Commands;

/// <summary>
/// The <c>--backend</c> value of the register commands: <c>sysfs</c> (default, the kernel's files), <c>sysfs:DIR</c>,
/// <c>emulated</c> (a fresh in-process emulator), <c>emulated:STATEFILE</c> (the emulator with its state in a file
/// that every run and process shares), <c>tpm:/dev/tpmrm0</c>, <c>tpm:tcp://HOST:PORT</c> (swtpm),
/// <c>tpm:mssim://HOST:PORT</c>. <c>configfs</c> serves reports, not registers.
/// </summary>
internal sealed record BackendSpec(string Text, TsmBackend Backend)
{
    public const string Help = "Where the registers live: sysfs (default), sysfs:DIR, emulated (fresh each run), emulated:STATEFILE (kept in a file that runs and processes share), tpm:/dev/tpmrm0, tpm:tcp://HOST:PORT (swtpm), tpm:mssim://HOST:PORT.";

    private const string EmulatedFilePrefix = "emulated:";

    /// <summary>
    /// What <c>--backend</c> completes to: each form's fixed part (<c>sysfs:</c>, <c>emulated:</c>, <c>tpm:tcp://</c>
    /// go on with a directory, a file or an address). The values stay open, so they are checked by <see cref="Parse"/>.
    /// </summary>
    public static IReadOnlyList<string> Forms { get; } = ["sysfs", "sysfs:", "emulated", EmulatedFilePrefix, "tpm:/dev/tpmrm0", "tpm:tcp://", "tpm:mssim://"];

    /// <summary>The <c>--backend</c> option of the register commands.</summary>
    public static Option<string> CreateOption()
    {
        Option<string> backend = new("--backend") { Description = Help, HelpName = "BACKEND" };
        backend.CompletionSources.Add(Forms.ToArray());
        return backend;
    }

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

        if (StateFile(value) is { } stateFile)
        {
            return new(value, TsmBackend.EmulatedFile(stateFile));
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
            throw new InputException("--backend configfs serves reports (tsm report), not registers; use sysfs, emulated, emulated:STATEFILE or tpm:URI");
        }

        throw new InputException($"--backend '{value}' is not a backend; use sysfs, sysfs:DIR, emulated, emulated:STATEFILE, tpm:/dev/tpmrm0, tpm:tcp://HOST:PORT or tpm:mssim://HOST:PORT");
    }

    /// <summary>The state file of an <c>emulated:STATEFILE</c> value, or null for any other value.</summary>
    public static string? StateFile(string value) =>
        value.StartsWith(EmulatedFilePrefix, StringComparison.Ordinal) && value.Length > EmulatedFilePrefix.Length
            ? value[EmulatedFilePrefix.Length..]
            : null;

    /// <summary>Opens <paramref name="definition"/>'s device on the backend.</summary>
    /// <exception cref="InputException">The state file of <c>emulated:STATEFILE</c> was made for another realm hash.</exception>
    public MeasurementSession Open(DeviceDefinition definition)
    {
        try
        {
            return Backend.Open(definition);
        }
        catch (ArgumentException error) when (Backend is FileEmulatedBackend)
        {
            throw new InputException($"--backend '{Text}': {error.Message}");
        }
    }
}
