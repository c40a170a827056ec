using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>
/// The PEM certificate chain a TD quote carries (certification data type 5: PCK leaf, PCK Platform CA, Intel SGX Root
/// CA), decoded with the framework's X.509 reader, and the SGX extensions of its leaf (Intel PCK certificate spec:
/// OID 1.2.840.113741.1.13.1 with PPID .1, TCB .2 (component SVNs .2.1-16, PCESVN .2.17, CPUSVN .2.18), PCE-ID .3, FMSPC .4).
/// </summary>
internal sealed class PckCertificateChain
{
    private const string SgxExtensions = "1.2.840.113741.1.13.1";

    public PckCertificateChain(ReadOnlySpan<byte> pem)
    {
        Text = Encoding.ASCII.GetString(pem);
        Certificates = [];
        Certificates.ImportFromPem(Text);
        ReadSgxExtensions(Certificates[0].Extensions[SgxExtensions]!.RawData);
    }

    public string Text { get; }

    public X509Certificate2Collection Certificates { get; }

    public int PemBlockCount => Text.Split("-----BEGIN CERTIFICATE-----").Length - 1;

    public X509Certificate2 Leaf => Certificates[0];

    public byte[] Ppid { get; private set; } = [];

    public byte[] CpuSvn { get; private set; } = [];

    public int PceSvn { get; private set; } = -1;

    public byte[] PceId { get; private set; } = [];

    public byte[] Fmspc { get; private set; } = [];

    /// <summary>Whether the leaf names the given PCS host (in its CRL distribution point), e.g. the sandbox one.</summary>
    public bool LeafMentions(string url) => Encoding.ASCII.GetString(Leaf.RawData).Contains(url, StringComparison.Ordinal);

    private void ReadSgxExtensions(byte[] der)
    {
        AsnReader entries = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        while (entries.HasData)
        {
            AsnReader entry = entries.ReadSequence();
            switch (entry.ReadObjectIdentifier())
            {
                case SgxExtensions + ".1":
                    Ppid = entry.ReadOctetString();
                    break;
                case SgxExtensions + ".2":
                    ReadTcb(entry.ReadSequence());
                    break;
                case SgxExtensions + ".3":
                    PceId = entry.ReadOctetString();
                    break;
                case SgxExtensions + ".4":
                    Fmspc = entry.ReadOctetString();
                    break;
                default:
                    entry.ReadEncodedValue();
                    break;
            }
        }
    }

    private void ReadTcb(AsnReader components)
    {
        while (components.HasData)
        {
            AsnReader component = components.ReadSequence();
            switch (component.ReadObjectIdentifier())
            {
                case SgxExtensions + ".2.17":
                    PceSvn = (int)component.ReadInteger();
                    break;
                case SgxExtensions + ".2.18":
                    CpuSvn = component.ReadOctetString();
                    break;
                default:
                    component.ReadEncodedValue();
                    break;
            }
        }
    }
}
