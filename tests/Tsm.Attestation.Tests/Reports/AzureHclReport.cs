using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>
/// The parts of an Azure paravisor "HCLA" report that the TDX and SNP samples need (MANIFEST.md §2-3): a 32-byte
/// header, the hardware report at offset 32, and at 0x4C0 the IGVM request data whose variable data (a JSON key set)
/// the hardware report's REPORTDATA[0:32] binds as SHA-256. Read by hand here, independently of the generated parsers.
/// </summary>
internal sealed class AzureHclReport(byte[] bytes)
{
    public const int HardwareReportOffset = 32;
    private const int RequestDataOffset = 0x4C0;

    public ReadOnlySpan<byte> Signature => bytes.AsSpan(0, 4);

    public uint Version => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));

    public uint RequestReportType => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(RequestDataOffset + 8));

    public uint RequestHashType => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(RequestDataOffset + 12));

    public ReadOnlySpan<byte> VariableData =>
        bytes.AsSpan(RequestDataOffset + 20, (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(RequestDataOffset + 16)));

    public ReadOnlySpan<byte> HardwareReport(int length) => bytes.AsSpan(HardwareReportOffset, length);

    public byte[] VariableDataSha256() => SHA256.HashData(VariableData);
}
