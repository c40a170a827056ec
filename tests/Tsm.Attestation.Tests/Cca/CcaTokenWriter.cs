using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using Tsm.Attestation.Cca;

namespace Tsm.Attestation.Tests.Cca;

/// <summary>Builds CCA tokens around claim maps: signed COSE_Sign1 messages in a tag-907 or tag-399 collection.</summary>
internal static class CcaTokenWriter
{
    private static readonly ECDsa SigningKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);

    public static byte[] Sign(byte[] payload) => CoseSign1Message.SignEmbedded(payload, new CoseSigner(SigningKey, HashAlgorithmName.SHA384));

    public static byte[] Token(CcaTokenFormat format, EncodedClaims platform, EncodedClaims realm) =>
        Collection(format, Sign(platform.Bytes), Sign(realm.Bytes));

    public static byte[] Token(CcaTokenFormat format = CcaTokenFormat.Cmw907) =>
        Token(format, ClaimMapWriter.Platform().Encode(), ClaimMapWriter.Realm().Encode());

    /// <summary>The collection: <c>{44234: platform, 44241: realm}</c>, each wrapped as <paramref name="format"/> wants.</summary>
    public static byte[] Collection(CcaTokenFormat format, byte[] platform, byte[] realm, int contentFormat = 263)
    {
        var writer = new CborWriter();
        writer.WriteTag((CborTag)(format == CcaTokenFormat.Cmw907 ? 907 : 399));
        writer.WriteStartMap(2);
        foreach ((int key, byte[] message) in new[] { (44234, platform), (44241, realm) })
        {
            writer.WriteInt32(key);
            if (format == CcaTokenFormat.Cmw907)
            {
                writer.WriteStartArray(2);
                writer.WriteInt32(contentFormat);
                writer.WriteByteString(message);
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteByteString(message);
            }
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>Where <paramref name="part"/> (an encoded claim map) starts inside <paramref name="token"/>.</summary>
    public static int OffsetOf(byte[] token, byte[] part)
    {
        int offset = token.AsSpan().IndexOf(part);
        Assert.True(offset >= 0, "the part is not inside the token");
        return offset;
    }
}
