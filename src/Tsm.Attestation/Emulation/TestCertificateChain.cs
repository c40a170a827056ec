using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tsm.Attestation.Verification;

namespace Tsm.Attestation.Emulation;

/// <summary>
/// A three-certificate chain made at run time (root, intermediate CA, leaf), shaped like the vendor chains the verifiers
/// check (Intel's PCK chain, AMD's ARK → ASK → VCEK): ECDSA keys, CA basic constraints and key usage on the issuers,
/// subject and authority key identifiers. Every subject carries <see cref="EmulatedTestChain.SubjectMarker"/> and says
/// whose chain it is not, so nobody mistakes it for a production one. Nothing is persisted: the keys live as long as this object.
/// </summary>
internal sealed class TestCertificateChain : IDisposable
{
    // A day before now, so a verifier whose clock is a little behind still sees the chain as valid; a year after.
    private static readonly TimeSpan Backdating = TimeSpan.FromDays(1);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private TestCertificateChain(X509Certificate2 root, X509Certificate2 intermediate, X509Certificate2 leaf, ECDsa leafKey)
    {
        Root = root;
        Intermediate = intermediate;
        Leaf = leaf;
        LeafKey = leafKey;
    }

    /// <summary>The self-signed root: the trust anchor a verifier pins.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The intermediate CA, issued by <see cref="Root"/>.</summary>
    public X509Certificate2 Intermediate { get; }

    /// <summary>The leaf, issued by <see cref="Intermediate"/>; its key signs the evidence.</summary>
    public X509Certificate2 Leaf { get; }

    /// <summary>The leaf's private key.</summary>
    public ECDsa LeafKey { get; }

    /// <summary>Leaf, intermediate and root as concatenated PEM, the order a TD quote's PCK chain and AMD's cert_chain files use.</summary>
    public string ChainPem => Pem(Leaf) + Pem(Intermediate) + Pem(Root);

    /// <summary>Makes a chain whose keys are on <paramref name="curve"/>, with the given subject common names.</summary>
    public static TestCertificateChain Create(ECCurve curve, HashAlgorithmName signatureHash, string rootName, string intermediateName, string leafName)
    {
        DateTimeOffset notBefore = DateTimeOffset.UtcNow - Backdating;
        DateTimeOffset notAfter = notBefore + Lifetime;

        using ECDsa rootKey = ECDsa.Create(curve);
        var rootRequest = Request(rootName, rootKey, signatureHash, isCa: true);
        rootRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(SubjectKeyIdentifier(rootRequest)));
        using X509Certificate2 rootWithKey = rootRequest.CreateSelfSigned(notBefore, notAfter);

        using ECDsa intermediateKey = ECDsa.Create(curve);
        using X509Certificate2 intermediate = Issue(Request(intermediateName, intermediateKey, signatureHash, isCa: true), rootWithKey, notBefore, notAfter);
        using X509Certificate2 intermediateWithKey = intermediate.CopyWithPrivateKey(intermediateKey);

        ECDsa leafKey = ECDsa.Create(curve);
        X509Certificate2 leaf = Issue(Request(leafName, leafKey, signatureHash, isCa: false), intermediateWithKey, notBefore, notAfter);

        // The chain keeps public certificates only: the issuers' private keys are gone once the chain is made.
        return new TestCertificateChain(
            new X509Certificate2(rootWithKey.RawData),
            new X509Certificate2(intermediate.RawData),
            leaf,
            leafKey);
    }

    /// <summary>One certificate as a PEM block.</summary>
    public static string Pem(X509Certificate2 certificate) =>
        new string(PemEncoding.Write("CERTIFICATE", certificate.RawData)) + "\n";

    /// <inheritdoc/>
    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
        Leaf.Dispose();
        LeafKey.Dispose();
    }

    private static CertificateRequest Request(string commonName, ECDsa key, HashAlgorithmName signatureHash, bool isCa)
    {
        var name = new X500DistinguishedName("CN=" + commonName + ", O=Tsm emulated test");
        var request = new CertificateRequest(name, key, signatureHash);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            isCa ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature,
            critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request;
    }

    private static X509SubjectKeyIdentifierExtension SubjectKeyIdentifier(CertificateRequest request)
    {
        foreach (X509Extension extension in request.CertificateExtensions)
        {
            if (extension is X509SubjectKeyIdentifierExtension identifier)
            {
                return identifier;
            }
        }

        throw new InvalidOperationException("The request has no subject key identifier.");
    }

    private static X509Certificate2 Issue(CertificateRequest request, X509Certificate2 issuer, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        return request.Create(issuer, notBefore, notAfter, SerialNumber());
    }

    // RFC 5280 §4.1.2.2: a positive serial of at most 20 bytes; 16 random bytes with the top bit cleared.
    private static byte[] SerialNumber()
    {
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return serial;
    }
}
