using System;

namespace Tsm;

/// <summary>
/// A TPM 2.0 spoken to directly: PCRs read, extended and reset with TPM2_PCR_Read, TPM2_PCR_Extend and TPM2_PCR_Reset
/// through a Linux character device or a simulator's socket. Create one with <see cref="TsmBackend.Tpm(string, TpmOptions?)"/>.
/// </summary>
public sealed class TpmBackend : TsmBackend
{
    private readonly TpmEndpoint _endpoint;

    internal TpmBackend(string uri, TpmOptions? options)
    {
        _endpoint = TpmEndpoint.Parse(uri);
        Options = options ?? new TpmOptions();
        if (Options.Timeout <= TimeSpan.Zero || Options.Timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.Timeout, "TpmOptions.Timeout must be positive and at most about 24 days.");
        }

        if (Options.Locality > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.Locality, "TpmOptions.Locality must be 0-4 (TPM localities).");
        }

        if (_endpoint.Kind == TpmEndpointKind.Device && Options.Locality is > 0)
        {
            throw new ArgumentException(
                $"'{_endpoint.Location}' is a character device, and the Linux TPM driver sends every command at locality 0; locality {Options.Locality} is reachable only on a simulator (tcp:// or mssim://).",
                nameof(options));
        }
    }

    /// <summary>The TPM: a device path (<c>/dev/tpmrm0</c>) or a normalised URI (<c>tcp://127.0.0.1:2321</c>).</summary>
    public string Location => _endpoint.Location;

    /// <summary>The connection settings.</summary>
    public TpmOptions Options { get; }

    /// <summary>Opens a session: connects, starts a simulator (TPM2_Startup) and reads the allocated banks (TPM_CAP_PCRS).</summary>
    /// <exception cref="ArgumentException">A register of <paramref name="definition"/> is not a PCR (no bank, or an index outside 0-23).</exception>
    /// <exception cref="TsmDeviceNotFoundException">The character device does not exist.</exception>
    /// <exception cref="TpmException">The TPM could not be reached or refused the first commands.</exception>
    public override MeasurementSession Open(DeviceDefinition definition) => OpenSession(definition);

    /// <summary>Like <see cref="Open"/>, typed: the session also extends events across banks, resets PCRs and reads random bytes.</summary>
    /// <inheritdoc cref="Open" path="/exception"/>
    public TpmSession OpenSession(DeviceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        TpmSession.CheckDefinition(definition);
        TpmTransport transport = _endpoint.Kind switch
        {
            TpmEndpointKind.Device => new TpmDeviceTransport(_endpoint.Location),
            TpmEndpointKind.Swtpm => new SwtpmTransport(_endpoint, Options),
            _ => new MssimTransport(_endpoint, Options),
        };

        try
        {
            if (transport is MssimTransport mssim)
            {
                mssim.PowerOn();
            }

            return new TpmSession(definition, transport, Options.Locality);
        }
        catch
        {
            transport.Dispose();
            throw;
        }
    }

    /// <summary>Returns <see cref="Location"/>.</summary>
    public override string ToString() => Location;
}
