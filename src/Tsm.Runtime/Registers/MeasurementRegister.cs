using System;

namespace Tsm;

/// <summary>
/// What every register object shares: its definition resolved against a session, and reads and extends through
/// that session. The concrete types decide the value type and whether extending is part of their surface.
/// </summary>
public abstract class MeasurementRegister : IMeasurementRegister
{
    private readonly bool _canExtend;

    private protected MeasurementRegister(MeasurementSession session, RegisterDefinition definition, bool canExtend)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(definition);
        Session = session;
        Definition = definition;
        Hash = session.ResolveHash(definition);
        Size = session.ResolveSize(definition);
        QualifiedName = RegisterDefinition.Resolve(definition.QualifiedName, Hash);
        _canExtend = canExtend;
    }

    /// <summary>The session the register reads and extends through.</summary>
    public MeasurementSession Session { get; }

    /// <inheritdoc/>
    public RegisterDefinition Definition { get; }

    /// <inheritdoc/>
    public string Name => Definition.Name;

    /// <inheritdoc/>
    public string QualifiedName { get; }

    /// <inheritdoc/>
    public int Size { get; }

    /// <inheritdoc/>
    public MeasurementHash Hash { get; }

    /// <summary>Whether this object can extend the register: its definition is extendable and it is not a read-only view.</summary>
    public bool IsExtendable => _canExtend && Definition.IsExtendable;

    /// <inheritdoc/>
    public bool IsLive => Definition.IsLive;

    /// <inheritdoc/>
    public int Read(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"Register '{QualifiedName}' is {Size} bytes, but the destination has {destination.Length}.", nameof(destination));
        }

        Session.Read(Definition, destination[..Size]);
        return Size;
    }

    /// <inheritdoc/>
    public byte[] ReadBytes()
    {
        byte[] value = new byte[Size];
        Session.Read(Definition, value);
        return value;
    }

    /// <summary>Names the register and where it lives.</summary>
    public override string ToString() => $"{QualifiedName} ({Session})";

    void IMeasurementRegister.Extend(ReadOnlySpan<byte> data) => ExtendBytes(data);

    /// <summary>Extends with raw bytes, unless this object is a read-only view.</summary>
    private protected void ExtendBytes(ReadOnlySpan<byte> data)
    {
        ThrowIfReadOnlyView();
        Session.Extend(Definition, data);
    }

    /// <summary>Throws <see cref="MeasurementRegisterNotWritableException"/> for read-only views, before any other check.</summary>
    private protected void ThrowIfReadOnlyView()
    {
        if (!_canExtend)
        {
            throw RegisterErrors.ReadOnlyView(this);
        }
    }

    /// <summary>Reads the value straight into a <typeparamref name="T"/>, which is exactly <see cref="Size"/> bytes.</summary>
    private protected T ReadValue<T>()
        where T : unmanaged, IMeasurementValue<T>
    {
        T value = default;
        Session.Read(Definition, MeasurementValue.WritableBytesOf(ref value));
        return value;
    }

    /// <summary>Reads the value as an <see cref="AgileDigest"/> of the resolved hash.</summary>
    private protected AgileDigest ReadAgile()
    {
        Span<byte> value = stackalloc byte[AgileDigest.MaxLength];
        Session.Read(Definition, value);
        return new AgileDigest(Hash, value[..Size]);
    }

    /// <summary>Extends with the bytes of <paramref name="value"/>, without copying.</summary>
    private protected void ExtendValue<T>(in T value)
        where T : unmanaged, IMeasurementValue<T> => ExtendBytes(MeasurementValue.BytesOf(in value));

    /// <summary>Rejects registers too large for an <see cref="AgileDigest"/>.</summary>
    private protected void RequireAgileSize()
    {
        if (Size > AgileDigest.MaxLength)
        {
            throw new ArgumentException($"Register '{QualifiedName}' is {Size} bytes; an AgileDigest holds at most {AgileDigest.MaxLength}.", "definition");
        }
    }

    /// <summary>Rejects a value type that cannot hold this register's value.</summary>
    private protected void RequireValueType<T>()
        where T : unmanaged, IMeasurementValue<T>
    {
        if (T.Size != Size)
        {
            throw new ArgumentException($"Register '{QualifiedName}' is {Size} bytes, but {typeof(T).Name} is {T.Size}.", "definition");
        }

        if (T.Algorithm != MeasurementHash.None && Definition.HasHash && T.Algorithm != Hash)
        {
            throw new ArgumentException($"Register '{QualifiedName}' holds {MeasurementHashInfo.DisplayName(Hash)} digests, but {typeof(T).Name} is {MeasurementHashInfo.DisplayName(T.Algorithm)}.", "definition");
        }
    }
}
