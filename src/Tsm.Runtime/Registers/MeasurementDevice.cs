using System;
using System.Collections.Generic;

namespace Tsm;

/// <summary>
/// The base of generated device classes (<c>Tdx</c>, <c>TsmMrSample</c>, ...): an open session plus every register by
/// name. Generated subclasses add a typed property per register.
/// </summary>
public abstract class MeasurementDevice : IDisposable
{
    private readonly IMeasurementRegister[] _registers;

    /// <summary>Creates the device over an open session; the device owns the session and disposes it.</summary>
    protected MeasurementDevice(MeasurementSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Session = session;
        Definition = session.Definition;
        _registers = new IMeasurementRegister[Definition.Registers.Count];
        for (int i = 0; i < _registers.Length; i++)
        {
            _registers[i] = new UntypedRegister(session, Definition.Registers[i]);
        }

        Registers = Array.AsReadOnly(_registers);
    }

    /// <summary>The device's definition.</summary>
    public DeviceDefinition Definition { get; }

    /// <summary>The session the registers read and extend through.</summary>
    public MeasurementSession Session { get; }

    /// <summary>Every register, in schema order.</summary>
    public IReadOnlyList<IMeasurementRegister> Registers { get; }

    /// <summary>A register by name (<c>rtmr3</c>), <c>name:hash</c> (<c>rtmr3:sha384</c>) or file name.</summary>
    /// <exception cref="MeasurementRegisterNotFoundException">No single register matches; the message lists the valid names.</exception>
    public IMeasurementRegister Register(string name) => _registers[Definition.IndexOf(Definition.Find(name))];

    /// <summary>Names the device and where its registers live.</summary>
    public override string ToString() => Session.ToString();

    /// <summary>Disposes the session.</summary>
    public void Dispose()
    {
        Session.Dispose();
        GC.SuppressFinalize(this);
    }
}
