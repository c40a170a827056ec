using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Tsm;

/// <summary>
/// The state file of <see cref="FileEmulatedBackend"/>: one line of JSON (RFC 8259, UTF-8),
/// <c>{"format":"tsm-emulator-state","version":1,"selectedHash":null|"sha512","devices":[{"vendor":"tdx","inSync":false,
/// "pendingRefreshErrno":0,"registers":[{"file":"rtmr0:sha384","platform":"&lt;hex&gt;","cache":"&lt;hex&gt;",
/// "pendingWriteErrno":0},…]}]}</c>. Aliases have no <c>platform</c> or <c>cache</c>, and TPM PCRs no <c>cache</c>
/// (<see cref="EmulatedRegisterState"/>). The file is untrusted input: reading is bounded, strict (every key known,
/// required and given once) and fails only with <see cref="EmulatorStateException"/> at the offending byte.
/// </summary>
internal static class EmulatorStateFormat
{
    /// <summary>The largest state file read: far above any machine's registers (a few kilobytes), far below harm.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The version this code writes and reads.</summary>
    public const int Version = 1;

    private const string FormatName = "tsm-emulator-state";

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 8, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The file's bytes for <paramref name="state"/>, ending with a newline.</summary>
    public static byte[] Serialize(EmulatorState state)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("version", Version);
            if (state.SelectedHash == MeasurementHash.None)
            {
                writer.WriteNull("selectedHash");
            }
            else
            {
                writer.WriteString("selectedHash", MeasurementHashInfo.KernelName(state.SelectedHash));
            }

            writer.WriteStartArray("devices");
            foreach (EmulatedDeviceState device in state.Devices)
            {
                writer.WriteStartObject();
                writer.WriteString("vendor", device.Vendor);
                writer.WriteBoolean("inSync", device.InSync);
                writer.WriteNumber("pendingRefreshErrno", device.PendingRefreshErrno);
                writer.WriteStartArray("registers");
                foreach (EmulatedRegisterState register in device.Registers)
                {
                    writer.WriteStartObject();
                    writer.WriteString("file", register.File);
                    if (register.Platform is not null)
                    {
                        writer.WriteString("platform", HexText.ToString(register.Platform, upperCase: false));
                    }

                    if (register.Cache is not null)
                    {
                        writer.WriteString("cache", HexText.ToString(register.Cache, upperCase: false));
                    }

                    writer.WriteNumber("pendingWriteErrno", register.PendingWriteErrno);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Reads a state file's bytes. Register sizes are the byte lengths of the values (0 for an alias).</summary>
    /// <exception cref="EmulatorStateException">The bytes are not a state file of this version.</exception>
    public static EmulatorState Parse(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.IsEmpty)
        {
            throw new EmulatorStateException(path, 0, "the file is empty (truncated)");
        }

        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        try
        {
            return ReadRoot(ref reader, path);
        }
        catch (JsonException error)
        {
            long offset = OffsetOf(bytes, error.LineNumber ?? 0, error.BytePositionInLine ?? 0);
            throw new EmulatorStateException(path, offset, $"not JSON ({FirstSentence(error.Message)})", error);
        }
    }

    private static EmulatorState ReadRoot(ref Utf8JsonReader reader, string path)
    {
        Next(ref reader, path, "a state file");
        long start = reader.TokenStartIndex;
        Expect(ref reader, JsonTokenType.StartObject, path, "a state file (a JSON object)");
        string? format = null;
        int? version = null;
        MeasurementHash? selectedHash = null;
        List<EmulatedDeviceState>? devices = null;
        while (NextProperty(ref reader, path, out string key, out long at))
        {
            switch (key)
            {
                case "format" when format is null:
                    format = ReadString(ref reader, path, key);
                    if (format != FormatName)
                    {
                        throw new EmulatorStateException(path, at, $"\"format\" is \"{format}\", not \"{FormatName}\"");
                    }

                    break;
                case "version" when version is null:
                    version = ReadInt(ref reader, path, key);
                    if (version != Version)
                    {
                        throw new EmulatorStateException(path, at, $"format version {version}; this Tsm reads version {Version} only");
                    }

                    break;
                case "selectedHash" when selectedHash is null:
                    selectedHash = ReadHash(ref reader, path);
                    break;
                case "devices" when devices is null:
                    devices = ReadDevices(ref reader, path);
                    break;
                default:
                    throw Unexpected(path, at, key, "format, version, selectedHash, devices");
            }
        }

        if (format is null || version is null || selectedHash is null || devices is null)
        {
            throw new EmulatorStateException(path, start, "the state object needs \"format\", \"version\", \"selectedHash\" and \"devices\"");
        }

        // A second value after the object is a syntax error the reader reports (JSON has one value per text).
        if (reader.Read())
        {
            throw new EmulatorStateException(path, reader.TokenStartIndex, "content after the state object");
        }

        return new EmulatorState(selectedHash.Value, devices);
    }

    private static List<EmulatedDeviceState> ReadDevices(ref Utf8JsonReader reader, string path)
    {
        Next(ref reader, path, "the devices");
        Expect(ref reader, JsonTokenType.StartArray, path, "\"devices\" as an array");
        var devices = new List<EmulatedDeviceState>();
        while (true)
        {
            Next(ref reader, path, "a device or ']'");
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return devices;
            }

            long at = reader.TokenStartIndex;
            EmulatedDeviceState device = ReadDevice(ref reader, path);
            if (devices.Exists(existing => existing.Vendor == device.Vendor))
            {
                throw new EmulatorStateException(path, at, $"vendor '{device.Vendor}' appears twice; one machine has one device per vendor");
            }

            devices.Add(device);
        }
    }

    private static EmulatedDeviceState ReadDevice(ref Utf8JsonReader reader, string path)
    {
        long start = reader.TokenStartIndex;
        Expect(ref reader, JsonTokenType.StartObject, path, "a device (a JSON object)");
        string? vendor = null;
        bool? inSync = null;
        int? refreshErrno = null;
        List<EmulatedRegisterState>? registers = null;
        while (NextProperty(ref reader, path, out string key, out long at))
        {
            switch (key)
            {
                case "vendor" when vendor is null:
                    vendor = ReadString(ref reader, path, key);
                    break;
                case "inSync" when inSync is null:
                    Next(ref reader, path, "\"inSync\"");
                    inSync = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => throw new EmulatorStateException(path, reader.TokenStartIndex, "\"inSync\" must be true or false"),
                    };
                    break;
                case "pendingRefreshErrno" when refreshErrno is null:
                    refreshErrno = ReadErrno(ref reader, path, key);
                    break;
                case "registers" when registers is null:
                    registers = ReadRegisters(ref reader, path);
                    break;
                default:
                    throw Unexpected(path, at, key, "vendor, inSync, pendingRefreshErrno, registers");
            }
        }

        return vendor is null || inSync is null || refreshErrno is null || registers is null
            ? throw new EmulatorStateException(path, start, "a device needs \"vendor\", \"inSync\", \"pendingRefreshErrno\" and \"registers\"")
            : new EmulatedDeviceState(vendor, inSync.Value, refreshErrno.Value, registers, start);
    }

    private static List<EmulatedRegisterState> ReadRegisters(ref Utf8JsonReader reader, string path)
    {
        Next(ref reader, path, "the registers");
        Expect(ref reader, JsonTokenType.StartArray, path, "\"registers\" as an array");
        var registers = new List<EmulatedRegisterState>();
        while (true)
        {
            Next(ref reader, path, "a register or ']'");
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return registers;
            }

            registers.Add(ReadRegister(ref reader, path));
        }
    }

    private static EmulatedRegisterState ReadRegister(ref Utf8JsonReader reader, string path)
    {
        long start = reader.TokenStartIndex;
        Expect(ref reader, JsonTokenType.StartObject, path, "a register (a JSON object)");
        string? file = null;
        byte[]? platform = null;
        byte[]? cache = null;
        int? writeErrno = null;
        while (NextProperty(ref reader, path, out string key, out long at))
        {
            switch (key)
            {
                case "file" when file is null:
                    file = ReadString(ref reader, path, key);
                    break;
                case "platform" when platform is null:
                    platform = ReadHex(ref reader, path, key);
                    break;
                case "cache" when cache is null:
                    cache = ReadHex(ref reader, path, key);
                    break;
                case "pendingWriteErrno" when writeErrno is null:
                    writeErrno = ReadErrno(ref reader, path, key);
                    break;
                default:
                    throw Unexpected(path, at, key, "file, platform, cache, pendingWriteErrno");
            }
        }

        if (file is null || writeErrno is null)
        {
            throw new EmulatorStateException(path, start, "a register needs \"file\" and \"pendingWriteErrno\"");
        }

        if (platform is not null && cache is not null && platform.Length != cache.Length)
        {
            throw new EmulatorStateException(path, start, $"register '{file}' has a {platform.Length}-byte platform value but a {cache.Length}-byte cached copy");
        }

        return new EmulatedRegisterState(file, (platform ?? cache)?.Length ?? 0, platform, cache, writeErrno.Value, start);
    }

    private static bool NextProperty(ref Utf8JsonReader reader, string path, out string key, out long at)
    {
        Next(ref reader, path, "a key or '}'");
        at = reader.TokenStartIndex;
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            key = string.Empty;
            return false;
        }

        key = reader.TokenType == JsonTokenType.PropertyName
            ? Text(ref reader, path)
            : throw new EmulatorStateException(path, at, "expected a key");
        return true;
    }

    private static string ReadString(ref Utf8JsonReader reader, string path, string key)
    {
        Next(ref reader, path, $"\"{key}\"");
        return reader.TokenType == JsonTokenType.String
            ? Text(ref reader, path)
            : throw new EmulatorStateException(path, reader.TokenStartIndex, $"\"{key}\" must be a string");
    }

    private static int ReadInt(ref Utf8JsonReader reader, string path, string key)
    {
        Next(ref reader, path, $"\"{key}\"");
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value)
            ? value
            : throw new EmulatorStateException(path, reader.TokenStartIndex, $"\"{key}\" must be an integer");
    }

    private static int ReadErrno(ref Utf8JsonReader reader, string path, string key)
    {
        int errno = ReadInt(ref reader, path, key);
        return errno == 0 || EmulatedDevice.IsDriverErrno(errno)
            ? errno
            : throw new EmulatorStateException(path, reader.TokenStartIndex, $"\"{key}\" is {errno}, which is neither 0 nor an errno a driver returns (EINTR, EIO, ENXIO, EBUSY, EINVAL)");
    }

    private static MeasurementHash ReadHash(ref Utf8JsonReader reader, string path)
    {
        Next(ref reader, path, "\"selectedHash\"");
        if (reader.TokenType == JsonTokenType.Null)
        {
            return MeasurementHash.None;
        }

        long at = reader.TokenStartIndex;
        string name = reader.TokenType == JsonTokenType.String
            ? Text(ref reader, path)
            : throw new EmulatorStateException(path, at, "\"selectedHash\" must be null or a kernel hash name");
        return MeasurementHashInfo.TryParseKernelName(name, out MeasurementHash hash) && MeasurementHashInfo.KernelName(hash) == name
            ? hash
            : throw new EmulatorStateException(path, at, $"\"selectedHash\" '{name}' is not a kernel hash name (sha256, sha384, sha512, ...)");
    }

    private static byte[] ReadHex(ref Utf8JsonReader reader, string path, string key)
    {
        string text = ReadString(ref reader, path, key);
        bool hex = text.Length % 2 == 0 && text.Length > 0;
        foreach (char c in text)
        {
            hex &= char.IsAsciiHexDigit(c);
        }

        return hex
            ? Convert.FromHexString(text)
            : throw new EmulatorStateException(path, reader.TokenStartIndex, $"\"{key}\" must be a non-empty even number of hex digits");
    }

    private static string Text(ref Utf8JsonReader reader, string path)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException error)
        {
            // GetString refuses a string whose escapes or UTF-8 cannot be transcoded.
            throw new EmulatorStateException(path, reader.TokenStartIndex, "a string that is not valid UTF-8", error);
        }
    }

    private static void Next(ref Utf8JsonReader reader, string path, string expected)
    {
        if (!reader.Read())
        {
            throw new EmulatorStateException(path, reader.BytesConsumed, $"the file ends where {expected} should be (truncated)");
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string path, string expected)
    {
        if (reader.TokenType != type)
        {
            throw new EmulatorStateException(path, reader.TokenStartIndex, $"expected {expected}");
        }
    }

    private static EmulatorStateException Unexpected(string path, long at, string key, string known) =>
        new(path, at, $"key \"{key}\" is unknown or given twice; the keys here are {known}, each once");

    // JsonException gives a zero-based line and byte in that line; the offset counts from the file's first byte.
    private static long OffsetOf(ReadOnlySpan<byte> bytes, long line, long byteInLine)
    {
        long offset = 0;
        for (long l = 0; l < line && offset < bytes.Length; l++)
        {
            int newline = bytes[(int)offset..].IndexOf((byte)'\n');
            offset = newline < 0 ? bytes.Length : offset + newline + 1;
        }

        return Math.Min(offset + byteInLine, bytes.Length);
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
