using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tsm.EventLog.Tcg;

namespace Tsm.EventLog.Cel;

/// <summary>
/// The JSON encoding of CEL (libcel's field names): an array of
/// <c>{"recnum": 0, "pcr": 7 | "nv_index": n | "ccmr": 4, "digests": [{"hashAlg": "sha384", "digest": "&lt;hex&gt;"}],
/// "content_type": "pcclient_std", "content": {...}}</c>. <c>ccmr</c> is Tsm's name for go-tpm-tools' non-standard
/// index type 108. pcclient_std content is <c>{"event_type": n, "event_data": "&lt;hex&gt;"}</c>; every other
/// content is <c>{"data": "&lt;hex&gt;"}</c>, its TLV value unchanged. JSON is read by converting it to TLV (recnum
/// 8 bytes, index 1 byte, as go-tpm-tools writes), which the TLV reader then checks and enumerates without allocating.
/// </summary>
public static class CelJson
{
    private const string FormatName = "cel-json";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a CEL TLV log as CEL JSON.</summary>
    /// <exception cref="EventLogFormatException">The TLV log is not valid.</exception>
    public static byte[] FromTlv(ReadOnlySpan<byte> tlv)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter json = new(buffer, Options))
        {
            json.WriteStartArray();
            foreach (CelRecord record in CelTlvLog.Read(tlv))
            {
                json.WriteStartObject();
                json.WriteNumber("recnum", record.RecordNumber);
                json.WriteNumber(record.IndexType switch { CelIndexType.Pcr => "pcr", CelIndexType.NvIndex => "nv_index", _ => "ccmr" }, record.Index);
                json.WriteStartArray("digests");
                foreach (TcgDigest digest in record.Digests)
                {
                    json.WriteStartObject();
                    json.WriteString("hashAlg", MeasurementHashInfo.KernelName(digest.Algorithm.ToMeasurementHash()));
                    json.WriteString("digest", LowerHex.Of(digest.Bytes));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteString("content_type", CelContentTypes.Name(record.ContentType));
                json.WriteStartObject("content");
                if (record.ContentType == (byte)CelContentType.PcClientStd && CelPcClientContent.TryRead(record.Content, out uint type, out ReadOnlySpan<byte> data) && record.Content.Length == 5 + 4 + 5 + data.Length)
                {
                    json.WriteNumber("event_type", type);
                    json.WriteString("event_data", LowerHex.Of(data));
                }
                else
                {
                    json.WriteString("data", LowerHex.Of(record.Content));
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>Converts CEL JSON to the TLV encoding.</summary>
    /// <exception cref="EventLogFormatException">The JSON is malformed or a record lacks a field; names the line (and the record).</exception>
    public static byte[] ToTlv(ReadOnlySpan<byte> json)
    {
        var writer = new CelTlvWriter();
        try
        {
            using JsonDocument document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw Error(0, "a CEL JSON log is an array of records", 1);
            }

            int number = 0;
            foreach (JsonElement record in document.RootElement.EnumerateArray())
            {
                AppendRecord(writer, record, number++);
            }
        }
        catch (JsonException error)
        {
            throw Error(error.BytePositionInLine ?? 0, $"invalid JSON: {error.Message}", error.LineNumber is long line ? (int)line + 1 : null);
        }
        catch (Exception error) when (error is FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            throw Error(0, error.Message, null);
        }

        return writer.ToArray();
    }

    private static void AppendRecord(CelTlvWriter writer, JsonElement record, int number)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"record {number}");
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} is not an object");
        }

        ulong recnum = record.GetProperty("recnum").GetUInt64();
        (CelIndexType indexType, uint index) = record.TryGetProperty("pcr", out JsonElement pcr) ? (CelIndexType.Pcr, pcr.GetUInt32())
            : record.TryGetProperty("ccmr", out JsonElement ccmr) ? (CelIndexType.CcMr, ccmr.GetUInt32())
            : record.TryGetProperty("nv_index", out JsonElement nv) ? (CelIndexType.NvIndex, nv.GetUInt32())
            : throw new FormatException($"{where} has none of pcr, nv_index, ccmr");
        var digests = new List<AgileDigest>();
        foreach (JsonElement digest in record.GetProperty("digests").EnumerateArray())
        {
            string alg = digest.GetProperty("hashAlg").GetString() ?? "";
            if (!MeasurementHashInfo.TryParseKernelName(alg, out MeasurementHash hash))
            {
                throw new FormatException($"{where}: \"{alg}\" is not a hash name");
            }

            digests.Add(new AgileDigest(hash, Convert.FromHexString(digest.GetProperty("digest").GetString() ?? "")));
        }

        JsonElement contentType = record.GetProperty("content_type");
        string typeName = contentType.ValueKind == JsonValueKind.Number ? contentType.GetByte().ToString(CultureInfo.InvariantCulture) : contentType.GetString() ?? "";
        if (!CelContentTypes.TryParse(typeName, out byte type))
        {
            throw new FormatException($"{where}: \"{typeName}\" is not a content type");
        }

        JsonElement content = record.GetProperty("content");
        byte[] value = content.TryGetProperty("event_data", out JsonElement eventData)
            ? PcClient(content.GetProperty("event_type").GetUInt32(), Convert.FromHexString(eventData.GetString() ?? ""))
            : Convert.FromHexString(content.GetProperty("data").GetString() ?? "");
        int indexSize = index <= byte.MaxValue ? 1 : index <= ushort.MaxValue ? 2 : 4;
        writer.Append(recnum, indexType, index, digests.ToArray(), type, value, indexSize: indexSize);
    }

    private static byte[] PcClient(uint eventType, byte[] eventData)
    {
        byte[] value = new byte[5 + 4 + 5 + eventData.Length];
        value[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(1), 4);
        BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(5), eventType);
        value[9] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(10), (uint)eventData.Length);
        eventData.CopyTo(value, 14);
        return value;
    }

    private static EventLogFormatException Error(long offset, string reason, int? line) => new(FormatName, offset, reason, line);
}
