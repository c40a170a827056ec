using System;
using System.Globalization;
using System.Text;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// Requests evidence through configfs-tsm (<c>/sys/kernel/config/tsm/report</c>): creates a uniquely named instance,
/// writes the options and the inblob, reads the blobs of one generation, and removes the instance again, on failure
/// too. The inblob length is checked against the provider's rule before anything is written.
/// </summary>
/// <remarks>
/// The file protocol (<see cref="IConfigfsTsm"/>, <see cref="LinuxConfigfsTsm"/>) is in Tsm.Runtime, next to the other
/// system-call backends and their EINTR handling; this typed API and the kernel model are here because their results
/// are the generated parsers (<see cref="TdQuote"/>, <see cref="SnpReport"/>, <see cref="Cca.CcaToken"/>) and the
/// model's providers build evidence with the generated <c>Build</c> methods, all of which Tsm.Runtime cannot see.
/// <para>
/// Another writer of the same instance can change the inputs between this process's writes and its reads
/// (<c>Documentation/ABI/testing/configfs-tsm-report</c>). Each attempt therefore reads <c>generation</c> before the
/// stores and after the reads: every store advances it by exactly one (<c>drivers/virt/coco/guest/report.c</c>
/// <c>try_advance_write_generation</c>), so any other difference means another writer, and the attempt is repeated up
/// to <see cref="MaxAttempts"/> times before <see cref="ConfigfsGenerationRaceException"/>.
/// </para>
/// </remarks>
public sealed class ConfigfsReport
{
    /// <summary>How many attempts <see cref="Request"/> makes by default before it reports a race.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>Uses the kernel's configfs-tsm at <see cref="LinuxConfigfsTsm.DefaultRoot"/>.</summary>
    public ConfigfsReport()
        : this(new LinuxConfigfsTsm())
    {
    }

    /// <summary>Uses <paramref name="files"/>: the kernel (<see cref="LinuxConfigfsTsm"/>) or the model (<see cref="EmulatedConfigfsTsm"/>).</summary>
    /// <param name="files">The configfs-tsm file protocol.</param>
    /// <param name="maxAttempts">How many attempts to make while another writer changes the instance.</param>
    public ConfigfsReport(IConfigfsTsm files, int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        Files = files;
        MaxAttempts = maxAttempts;
    }

    /// <summary>The configfs-tsm file protocol in use.</summary>
    public IConfigfsTsm Files { get; }

    /// <summary>How many attempts a request makes while another writer changes the instance.</summary>
    public int MaxAttempts { get; }

    /// <summary>Requests a report for <paramref name="inblob"/> in a new instance, which is removed before this returns.</summary>
    /// <param name="inblob">The caller's data (nonce): TDX and SEV exactly 64 bytes, CCA 32 to 64 (the kernel zero-pads it).</param>
    /// <param name="options">The optional attributes to set, each only where the provider shows it.</param>
    /// <returns>The blobs, the provider and the generation they were made for.</returns>
    /// <exception cref="ConfigfsInvalidRequestException">The provider rejects the inblob length (checked before any write), or the kernel rejects the request.</exception>
    /// <exception cref="ConfigfsAttributeNotSupportedException">An option is set that the provider does not show.</exception>
    /// <exception cref="ConfigfsProviderUnavailableException">No provider is registered, or its firmware call failed.</exception>
    /// <exception cref="ConfigfsGenerationRaceException">Another writer changed the instance on every attempt.</exception>
    /// <exception cref="ConfigfsReportException">Any other failure; the derived type and <see cref="TsmException.Errno"/> say which.</exception>
    public ConfigfsEvidence Request(ReadOnlySpan<byte> inblob, ConfigfsReportOptions? options = null)
    {
        options ??= new ConfigfsReportOptions();
        string name = "tsm-" + Guid.NewGuid().ToString("N");
        string directory = $"{Files.Root}/{name}";
        int created = Files.CreateInstance(name);
        if (created < 0)
        {
            throw ConfigfsReportErrors.FromErrno(-created, "Creating the report instance", directory, attribute: null, provider: null);
        }

        var instance = new ConfigfsInstanceFiles(Files, name, directory);
        bool completed = false;
        try
        {
            instance.Provider = instance.ReadText(TsmReportAttributes.Provider).TrimEnd('\n');
            string? violated = TsmReportProviders.InblobRuleViolated(instance.Provider, inblob.Length);
            if (violated is not null)
            {
                throw ConfigfsReportErrors.InblobRejected(violated, inblob.Length, directory, instance.Provider);
            }

            ConfigfsEvidence evidence = Attempts(instance, inblob, options);
            completed = true;
            return evidence;
        }
        finally
        {
            int removed = Files.RemoveInstance(name);

            // A failure of the request itself is the one to report; a leftover instance after success is reported too.
            if (removed < 0 && completed)
            {
                throw ConfigfsReportErrors.FromErrno(-removed, "Removing the report instance", directory, attribute: null, instance.Provider);
            }
        }
    }

    private static int Store(ConfigfsInstanceFiles instance, ConfigfsReportOptions options, ReadOnlySpan<byte> inblob)
    {
        int stores = 0;
        if (options.Privlevel is uint privlevel)
        {
            instance.WriteText(TsmReportAttributes.Privlevel, privlevel.ToString(CultureInfo.InvariantCulture));
            stores++;
        }

        if (options.ServiceProvider is string serviceProvider)
        {
            instance.WriteText(TsmReportAttributes.ServiceProvider, serviceProvider);
            stores++;
        }

        if (options.ServiceGuid is Guid serviceGuid)
        {
            instance.WriteText(TsmReportAttributes.ServiceGuid, serviceGuid.ToString("D"));
            stores++;
        }

        if (options.ServiceManifestVersion is uint manifestVersion)
        {
            instance.WriteText(TsmReportAttributes.ServiceManifestVersion, manifestVersion.ToString(CultureInfo.InvariantCulture));
            stores++;
        }

        instance.WriteInblob(inblob);
        return stores + 1;
    }

    private ConfigfsEvidence Attempts(ConfigfsInstanceFiles instance, ReadOnlySpan<byte> inblob, ConfigfsReportOptions options)
    {
        ulong before = 0, after = 0;
        int stores = 0;
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            before = instance.ReadGeneration();
            stores = Store(instance, options, inblob);
            byte[] outblob = instance.ReadBlob(TsmReportAttributes.Outblob, required: true);
            byte[] auxblob = instance.ReadBlob(TsmReportAttributes.Auxblob, required: false);
            byte[] manifestblob = instance.ReadBlob(TsmReportAttributes.Manifestblob, required: false);
            after = instance.ReadGeneration();
            if (after == unchecked(before + (ulong)stores))
            {
                return new ConfigfsEvidence(instance.Provider!, after, outblob, auxblob, manifestblob);
            }
        }

        throw ConfigfsReportErrors.Race(instance.Directory, instance.Provider!, MaxAttempts, before, after, stores);
    }
}
