using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using Tsm.Cbor;

namespace Tsm.Attestation.Cca;

/// <summary>
/// An Arm CCA attestation token: a CBOR collection (tag 907, or the legacy tag 399) of two COSE_Sign1 messages, the
/// platform token and the realm token, whose payloads are the <see cref="CcaPlatformClaims"/> and
/// <see cref="CcaRealmClaims"/> claim maps (TF-RMM attestation_token.c, attestation_defs_priv.h).
/// </summary>
/// <remarks>
/// <see cref="Parse"/> checks the whole structure (tags, keys, content formats, both COSE_Sign1 messages, every
/// required claim with its type and length) before anything is exposed, and throws
/// <see cref="ReportFormatException"/> with the byte offset in the token and the reason; <see cref="TryParse"/>
/// returns false instead. Signatures are not checked here: <see cref="PlatformMessage"/> and
/// <see cref="RealmMessage"/> are the decoded messages a verifier checks them on. Byte-string claims are slices of the
/// caller's memory.
/// </remarks>
public sealed class CcaToken
{
    // The collection, from TF-RMM attestation_token.c: the current tag 907 (CMW collection) and the
    // legacy tag 399, the keys of the platform and the realm token, and 263, the content format (EAT in a CWT) each
    // token carries in the tag-907 form.
    private const ulong CmwCollectionTag = 907;
    private const ulong LegacyCollectionTag = 399;
    private const long PlatformTokenKey = 44234;
    private const long RealmTokenKey = 44241;
    private const long EatCwtContentFormat = 263;

    // RFC 9052: a tagged COSE_Sign1 carries tag 18; the tag is optional, the four-item array is not.
    private const ulong CoseSign1Tag = 18;

    private const string Layout = nameof(CcaToken);

    private CcaToken(CcaTokenFormat format, SignedClaims<CcaPlatformClaims> platform, SignedClaims<CcaRealmClaims> realm)
    {
        Format = format;
        Platform = platform.Claims;
        PlatformMessage = platform.Message;
        Realm = realm.Claims;
        RealmMessage = realm.Message;
        RealmMeasurements = CcaRealmMeasurements.From(realm.Claims);
    }

    /// <summary>Which top-level form the token has.</summary>
    public CcaTokenFormat Format { get; }

    /// <summary>The platform token's claims (key 44234).</summary>
    public CcaPlatformClaims Platform { get; }

    /// <summary>The realm token's claims (key 44241).</summary>
    public CcaRealmClaims Realm { get; }

    /// <summary>The platform token as a COSE_Sign1 message, signed by the platform attestation key; not verified here.</summary>
    public CoseSign1Message PlatformMessage { get; }

    /// <summary>The realm token as a COSE_Sign1 message, signed by the RAK (<see cref="CcaRealmClaims.PublicKey"/>); not verified here.</summary>
    public CoseSign1Message RealmMessage { get; }

    /// <summary>
    /// The RIM and REM0..REM3 as digests of the realm's hash (<see cref="CcaRealmClaims.HashAlgorithm"/>), or null when
    /// they are not: the hash-algo-id names none of sha-256, sha-384 and sha-512, or a value's length is not that hash's
    /// digest size. Such tokens exist (veraison's synthetic testGoodCCAToken carries 64-byte values under "sha-256");
    /// they parse, and their raw values are in <see cref="CcaRealmClaims.Rim"/> and <see cref="CcaRealmClaims.Rems"/>.
    /// </summary>
    public CcaRealmMeasurements? RealmMeasurements { get; }

    /// <summary>Parses a CCA attestation token.</summary>
    /// <param name="token">The encoded token, as RSI_ATTESTATION_TOKEN_CONTINUE or configfs-tsm's <c>outblob</c> return it.</param>
    /// <exception cref="ReportFormatException">The bytes are not a valid CCA token; the exception names the byte offset in <paramref name="token"/> and the reason.</exception>
    public static CcaToken Parse(ReadOnlyMemory<byte> token)
    {
        var reader = new CborClaimReader(token, Layout);
        int tagOffset = reader.Offset;
        CcaTokenFormat format = !reader.TryReadTag(out ulong tag) ? throw reader.Error(tagOffset, "the token is not tagged; expected tag 907 (CMW collection) or 399 (legacy)")
            : tag == CmwCollectionTag ? CcaTokenFormat.Cmw907
            : tag == LegacyCollectionTag ? CcaTokenFormat.Legacy399
            : throw reader.Error(tagOffset, string.Create(CultureInfo.InvariantCulture, $"tag {tag}; expected 907 (CMW collection) or 399 (legacy)"));

        int mapOffset = reader.Offset;
        reader.ReadStartMap("the token collection");
        SignedClaims<CcaPlatformClaims>? platform = null;
        SignedClaims<CcaRealmClaims>? realm = null;
        while (reader.TryReadKey(out long key, out int keyOffset))
        {
            switch (key)
            {
                case PlatformTokenKey:
                    platform = platform is null
                        ? ReadToken(reader, format, "the platform token (key 44234)", CcaPlatformClaims.ReadFrom)
                        : throw reader.Error(keyOffset, "the platform token (key 44234) appears more than once");
                    break;
                case RealmTokenKey:
                    realm = realm is null
                        ? ReadToken(reader, format, "the realm token (key 44241)", CcaRealmClaims.ReadFrom)
                        : throw reader.Error(keyOffset, "the realm token (key 44241) appears more than once");
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }

        reader.ReadEnd("the token");
        return new CcaToken(
            format,
            platform ?? throw reader.Error(mapOffset, "the collection has no platform token (key 44234)"),
            realm ?? throw reader.Error(mapOffset, "the collection has no realm token (key 44241)"));
    }

    /// <summary>Parses a CCA attestation token; false when the bytes are not a valid one.</summary>
    /// <param name="token">The encoded token.</param>
    /// <param name="result">The token, when the result is true.</param>
    public static bool TryParse(ReadOnlyMemory<byte> token, [NotNullWhen(true)] out CcaToken? result)
    {
        try
        {
            result = Parse(token);
            return true;
        }
        catch (ReportFormatException)
        {
            result = null;
            return false;
        }
    }

    /// <summary>One entry of the collection: <c>[263, bstr]</c> in the tag-907 form, a bare <c>bstr</c> in the legacy form.</summary>
    private static SignedClaims<T> ReadToken<T>(CborClaimReader reader, CcaTokenFormat format, string what, Func<CborClaimReader, T> readClaims)
    {
        if (format == CcaTokenFormat.Legacy399)
        {
            ReadOnlyMemory<byte> legacy = reader.ReadByteString(what, out int legacyOffset);
            return ReadCoseSign1(legacy, legacyOffset, what, readClaims);
        }

        reader.ReadStartArray(what);
        int formatOffset = reader.Offset;
        long contentFormat = reader.ReadUnsignedInteger(what + ", content format");
        if (contentFormat != EatCwtContentFormat)
        {
            throw reader.Error(formatOffset, string.Create(CultureInfo.InvariantCulture, $"{what} has content format {contentFormat}; expected 263 (EAT in a CWT)"));
        }

        ReadOnlyMemory<byte> message = reader.ReadByteString(what, out int messageOffset);
        if (!reader.TryReadEndArray())
        {
            throw reader.Error(reader.Offset, $"{what} has more than two items; expected [content format, COSE_Sign1]");
        }

        return ReadCoseSign1(message, messageOffset, what, readClaims);
    }

    /// <summary>
    /// Walks the COSE_Sign1 structure itself to find where the payload lies in the token (so claim errors carry token
    /// offsets), lets .NET decode the message for signature checks later, and parses the payload's claims.
    /// </summary>
    private static SignedClaims<T> ReadCoseSign1<T>(ReadOnlyMemory<byte> encoded, int offset, string what, Func<CborClaimReader, T> readClaims)
    {
        var reader = new CborClaimReader(encoded, Layout, offset);
        if (reader.TryReadTag(out ulong tag) && tag != CoseSign1Tag)
        {
            throw reader.Error(offset, string.Create(CultureInfo.InvariantCulture, $"{what} has tag {tag}; expected 18 (COSE_Sign1)"));
        }

        reader.ReadStartArray(what + ", COSE_Sign1");
        reader.ReadByteString(what + ", protected header", out _);
        reader.SkipValue();
        ReadOnlyMemory<byte> payload = reader.ReadByteString(what + ", payload", out int payloadOffset);
        reader.ReadByteString(what + ", signature", out _);
        if (!reader.TryReadEndArray())
        {
            throw reader.Error(reader.Offset, $"{what} has more than four items; a COSE_Sign1 is [protected, unprotected, payload, signature]");
        }

        reader.ReadEnd(what);
        CoseSign1Message message;
        try
        {
            message = CoseSign1Message.DecodeSign1(encoded.Span);
        }
        catch (CryptographicException e)
        {
            throw reader.Error(offset, $"{what} is not a valid COSE_Sign1: {e.Message}");
        }

        var claimsReader = new CborClaimReader(payload, Layout, payloadOffset);
        T claims = readClaims(claimsReader);
        claimsReader.ReadEnd(what + ", payload");
        return new SignedClaims<T>(message, claims);
    }

    /// <summary>A decoded COSE_Sign1 and the claims of its payload.</summary>
    private sealed record SignedClaims<T>(CoseSign1Message Message, T Claims);
}
