using System;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using Tsm.Attestation.Cca;

namespace Tsm.Attestation.Emulation;

/// <summary>
/// Makes Arm CCA attestation tokens as TF-RMM does (Arm CCA Realm Management Monitor specification, attestation token;
/// TF-RMM <c>attestation_token.c</c>), with keys made at run time: the realm token, COSE_Sign1 (RFC 9052) signed ES384
/// by a realm attestation key (RAK) whose public key is a realm claim, and the platform token, signed ES384 by a test
/// initial attestation key (IAK) whose challenge is the hash of that RAK claim, collected under tag 907.
/// </summary>
internal sealed class EmulatedCcaTokenSigner : IDisposable
{
    /// <summary>The size the realm challenge claim always has: RSI_ATTESTATION_TOKEN_INIT takes 64 bytes.</summary>
    public const int ChallengeSize = 64;

    // Claim keys of the realm and platform tokens (RMM specification; TF-RMM attestation_defs_priv.h) and of the
    // collection (tag 907 around {44234: [263, platform], 44241: [263, realm]}, 263 = EAT in a CWT).
    private const int CmwCollectionTag = 907;
    private const int PlatformTokenKey = 44234;
    private const int RealmTokenKey = 44241;
    private const int EatCwtContentFormat = 263;
    private const int ChallengeKey = 10;
    private const int ProfileKey = 265;
    private const int InstanceIdKey = 256;
    private const int PersonalizationValueKey = 44235;
    private const int RealmHashAlgorithmKey = 44236;
    private const int RealmPublicKeyKey = 44237;
    private const int RimKey = 44238;
    private const int RemsKey = 44239;
    private const int RealmPublicKeyHashAlgorithmKey = 44240;
    private const int ImplementationIdKey = 2396;
    private const int LifecycleKey = 2395;
    private const int SwComponentsKey = 2399;
    private const int PlatformHashAlgorithmKey = 2402;

    private const string PlatformProfile = "tag:arm.com,2023:cca_platform#1.0.0";

    // PSA security lifecycle "secured" (0x3000), the state a production platform reports.
    private const int SecuredLifecycle = 0x3000;

    private readonly ECDsa _platformKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly ECDsa _realmKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);

    /// <summary>The IAK's public key as a PEM SubjectPublicKeyInfo: what <c>tsm verify --iak</c> reads.</summary>
    public string PlatformPublicKeyPem => _platformKey.ExportSubjectPublicKeyInfoPem() + "\n";

    /// <summary>A token over the current RIM and REMs of <paramref name="cca"/>, with <paramref name="challenge"/> zero-padded to 64 bytes as the realm challenge.</summary>
    public byte[] Token(ArmCca cca, ReadOnlySpan<byte> challenge)
    {
        byte[] paddedChallenge = new byte[ChallengeSize];
        challenge.CopyTo(paddedChallenge);
        byte[] realmPublicKey = UncompressedPoint(_realmKey);
        byte[] realm = Sign(RealmClaims(cca, paddedChallenge, realmPublicKey), _realmKey);

        // The platform token vouches for the RAK: its challenge is the RAK claim hashed with the realm's
        // public-key hash algorithm (here SHA-256).
        byte[] platform = Sign(PlatformClaims(SHA256.HashData(realmPublicKey)), _platformKey);

        var writer = new CborWriter();
        writer.WriteTag((CborTag)CmwCollectionTag);
        writer.WriteStartMap(2);
        WriteCollectionEntry(writer, PlatformTokenKey, platform);
        WriteCollectionEntry(writer, RealmTokenKey, realm);
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _platformKey.Dispose();
        _realmKey.Dispose();
    }

    private static byte[] RealmClaims(ArmCca cca, byte[] challenge, byte[] realmPublicKey)
    {
        AgileDigest rim = cca.Rim.Read();
        var writer = new CborWriter();
        writer.WriteStartMap(7);
        writer.WriteInt32(ChallengeKey);
        writer.WriteByteString(challenge);
        writer.WriteInt32(PersonalizationValueKey);
        writer.WriteByteString(new byte[64]);
        writer.WriteInt32(RealmHashAlgorithmKey);
        writer.WriteTextString(CcaHashAlgorithms.ToClaim(rim.Algorithm));
        writer.WriteInt32(RealmPublicKeyKey);
        writer.WriteByteString(realmPublicKey);
        writer.WriteInt32(RimKey);
        writer.WriteByteString(rim.Bytes);
        writer.WriteInt32(RemsKey);
        writer.WriteStartArray(4);
        for (int i = 0; i < 4; i++)
        {
            writer.WriteByteString(cca.Rem(i).Read().Bytes);
        }

        writer.WriteEndArray();
        writer.WriteInt32(RealmPublicKeyHashAlgorithmKey);
        writer.WriteTextString("sha-256");
        writer.WriteEndMap();
        return writer.Encode();
    }

    private byte[] PlatformClaims(byte[] challenge)
    {
        var writer = new CborWriter();
        writer.WriteStartMap(7);
        writer.WriteInt32(ProfileKey);
        writer.WriteTextString(PlatformProfile);
        writer.WriteInt32(ChallengeKey);
        writer.WriteByteString(challenge);
        writer.WriteInt32(ImplementationIdKey);
        writer.WriteByteString(SHA256.HashData("Tsm emulated test CCA platform (not Arm)"u8));

        // The instance id is the EAT UEID of the IAK: type byte 0x01 (RAND) and the hash of the IAK's public key.
        writer.WriteInt32(InstanceIdKey);
        writer.WriteByteString([0x01, .. SHA256.HashData(UncompressedPoint(_platformKey))]);
        writer.WriteInt32(LifecycleKey);
        writer.WriteInt32(SecuredLifecycle);
        writer.WriteInt32(SwComponentsKey);
        writer.WriteStartArray(1);
        writer.WriteStartMap(3);
        writer.WriteInt32(1);
        writer.WriteTextString("Tsm emulated test RMM");
        writer.WriteInt32(2);
        writer.WriteByteString(SHA256.HashData("Tsm emulated test RMM image"u8));
        writer.WriteInt32(5);
        writer.WriteByteString(SHA256.HashData("Tsm emulated test RMM signer"u8));
        writer.WriteEndMap();
        writer.WriteEndArray();
        writer.WriteInt32(PlatformHashAlgorithmKey);
        writer.WriteTextString("sha-256");
        writer.WriteEndMap();
        return writer.Encode();
    }

    private static byte[] Sign(byte[] claims, ECDsa key) =>
        CoseSign1Message.SignEmbedded(claims, new CoseSigner(key, HashAlgorithmName.SHA384));

    private static void WriteCollectionEntry(CborWriter writer, int key, byte[] message)
    {
        writer.WriteInt32(key);
        writer.WriteStartArray(2);
        writer.WriteInt32(EatCwtContentFormat);
        writer.WriteByteString(message);
        writer.WriteEndArray();
    }

    // The RAK claim as TF-RMM writes it: the SEC1 uncompressed point 0x04 ‖ x ‖ y.
    private static byte[] UncompressedPoint(ECDsa key)
    {
        ECParameters parameters = key.ExportParameters(includePrivateParameters: false);
        return [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
    }
}
