using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Tsm.EventLog.Ccel;

/// <summary>
/// The ACPI "CCEL" table (ACPI 6.5 "CC Event Log ACPI Table"; Linux <c>include/acpi/actbl2.h</c>
/// <c>struct acpi_table_ccel</c>), as <c>/sys/firmware/acpi/tables/CCEL</c> holds it: the 36-byte ACPI header, then
/// u8 CC type, u8 CC subtype, u16 reserved, u64 LAML (log area minimum length), u64 LASA (log area start address).
/// </summary>
public sealed class CcelTable
{
    /// <summary>The table's size: 56 bytes (go-eventlog <c>CCELACPITableMinSize</c>).</summary>
    public const int Size = 56;

    private const string FormatName = "ccel-table";

    private CcelTable(byte revision, string oemId, CcType ccType, byte ccSubtype, ulong laml, ulong lasa)
    {
        Revision = revision;
        OemId = oemId;
        CcType = ccType;
        CcSubtype = ccSubtype;
        LogAreaMinimumLength = laml;
        LogAreaStartAddress = lasa;
    }

    /// <summary>The ACPI header's revision.</summary>
    public byte Revision { get; }

    /// <summary>The ACPI header's OEM ID (6 ASCII characters, trailing spaces removed).</summary>
    public string OemId { get; }

    /// <summary>The confidential-computing technology.</summary>
    public CcType CcType { get; }

    /// <summary>The CC subtype.</summary>
    public byte CcSubtype { get; }

    /// <summary>LAML: the log area's size, which is the size of <c>/sys/firmware/acpi/tables/data/CCEL</c>.</summary>
    public ulong LogAreaMinimumLength { get; }

    /// <summary>LASA: the log area's guest-physical address.</summary>
    public ulong LogAreaStartAddress { get; }

    /// <summary>Reads and checks the table: signature "CCEL", a length of 56 that the input holds, a zero byte sum (ACPI 6.5 §5.2.6, the System Description Table Header), a known CC type.</summary>
    /// <exception cref="EventLogFormatException">A check fails; the exception names the offset.</exception>
    public static CcelTable Read(ReadOnlySpan<byte> table)
    {
        if (table.Length < Size)
        {
            EventLogErrors.Throw(FormatName, table.Length, EventLogErrors.Truncated("the CCEL table", Size, table.Length));
        }

        if (!table.StartsWith("CCEL"u8))
        {
            EventLogErrors.Throw(FormatName, 0, "the signature is not \"CCEL\"");
        }

        uint length = BinaryPrimitives.ReadUInt32LittleEndian(table[4..]);
        if (length != Size || table.Length != Size)
        {
            EventLogErrors.Throw(FormatName, 4, string.Create(CultureInfo.InvariantCulture, $"the table length is {length} and the input {table.Length} bytes; a CCEL table is {Size}"));
        }

        byte sum = 0;
        foreach (byte b in table)
        {
            sum += b;
        }

        if (sum != 0)
        {
            EventLogErrors.Throw(FormatName, 9, string.Create(CultureInfo.InvariantCulture, $"the bytes sum to 0x{sum:x2} modulo 256; an ACPI table's checksum makes them sum to 0"));
        }

        byte ccType = table[36];
        if (ccType is not ((byte)CcType.AmdSev or (byte)CcType.IntelTdx))
        {
            EventLogErrors.Throw(FormatName, 36, EventLogErrors.Unexpected("the CC type", ccType, "1 (AMD SEV) or 2 (Intel TDX)"));
        }

        return new CcelTable(
            table[8],
            Encoding.ASCII.GetString(table.Slice(10, 6)).TrimEnd(' ', '\0'),
            (CcType)ccType,
            table[37],
            BinaryPrimitives.ReadUInt64LittleEndian(table[40..]),
            BinaryPrimitives.ReadUInt64LittleEndian(table[48..]));
    }

    /// <summary>Reads the log area that goes with this table: at most LAML bytes, a crypto-agile log with CC MR indexes.</summary>
    /// <param name="data">The contents of <c>/sys/firmware/acpi/tables/data/CCEL</c> (or a copy cut after the last event).</param>
    /// <param name="source">A path for messages.</param>
    /// <returns>The checked log.</returns>
    /// <exception cref="EventLogFormatException">The data is longer than LAML or not a valid CCEL.</exception>
    public EventLogFile ReadLog(byte[] data, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if ((ulong)data.LongLength > LogAreaMinimumLength)
        {
            EventLogErrors.Throw(EventLogFormat.Ccel.Name(), (long)LogAreaMinimumLength, string.Create(CultureInfo.InvariantCulture, $"the log area is {data.LongLength} bytes, more than the table's LAML {LogAreaMinimumLength}"));
        }

        return EventLogFile.Read(data, EventLogFormat.Ccel, source);
    }
}
