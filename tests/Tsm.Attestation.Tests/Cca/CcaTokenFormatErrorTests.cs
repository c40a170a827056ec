using System.Formats.Cbor;
using Tsm.Attestation.Cca;

namespace Tsm.Attestation.Tests.Cca;

/// <summary>
/// Tokens built here, each broken in one way, are rejected with a <see cref="ReportFormatException"/> at the byte offset
/// of the offending item in the token and a reason that names it.
/// </summary>
public sealed class CcaTokenFormatErrorTests
{
    [Theory]
    [InlineData(CcaTokenFormat.Cmw907)]
    [InlineData(CcaTokenFormat.Legacy399)]
    public void A_well_formed_token_built_here_parses_in_both_forms(CcaTokenFormat format)
    {
        CcaToken token = CcaToken.Parse(CcaTokenWriter.Token(format));

        Assert.Equal(format, token.Format);
        Assert.Equal("tag:arm.com,2024:realm#2.0.0", token.Realm.Profile);
        Assert.Equal(ClaimMapWriter.Repeat(0x47, 32), token.Realm.Rems[3].ToArray());
        Assert.Equal(new AgileDigest(MeasurementHash.Sha256, ClaimMapWriter.Repeat(0x45, 32)), token.RealmMeasurements!.Rems[1]);
        Assert.Equal("RMM", token.Platform.SwComponents[0].Type);
        Assert.Equal("1.0.0", token.Platform.SwComponents[0].Version);
    }

    [Fact]
    public void A_realm_challenge_of_32_bytes_is_rejected_at_the_challenge()
    {
        EncodedClaims realm = ClaimMapWriter.Realm().Replace(10, w => w.WriteByteString(new byte[32])).Encode();

        ReportFormatException error = ParseRealm(realm, out byte[] token);

        Assert.Equal(CcaTokenWriter.OffsetOf(token, realm.Bytes) + realm.ValueOffset(10), error.Offset);
        Assert.Equal("CcaToken", error.Layout);
        Assert.Equal("claim 'challenge' (key 10) of CcaRealmClaims is 32 bytes; expected 64", error.Reason);
    }

    [Fact]
    public void A_rim_as_text_is_rejected_at_the_rim_with_both_types_named()
    {
        EncodedClaims realm = ClaimMapWriter.Realm().Replace(44238, w => w.WriteTextString("C")).Encode();

        ReportFormatException error = ParseRealm(realm, out byte[] token);

        Assert.Equal(CcaTokenWriter.OffsetOf(token, realm.Bytes) + realm.ValueOffset(44238), error.Offset);
        Assert.Equal("claim 'rim' (key 44238) of CcaRealmClaims: expected a byte string, found a text string", error.Reason);
    }

    [Fact]
    public void A_rim_that_is_no_digest_size_of_the_register_is_rejected()
    {
        EncodedClaims realm = ClaimMapWriter.Realm().Replace(44238, w => w.WriteByteString(new byte[40])).Encode();

        ReportFormatException error = ParseRealm(realm, out byte[] token);

        Assert.Equal(CcaTokenWriter.OffsetOf(token, realm.Bytes) + realm.ValueOffset(44238), error.Offset);
        Assert.Contains("register 'rim' values are 32, 48 or 64 bytes", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_rems_are_rejected_because_the_register_array_has_four()
    {
        EncodedClaims realm = ClaimMapWriter.Realm()
            .Replace(44239, w => ClaimMapWriter.WriteByteStrings(w, new byte[32], new byte[32], new byte[32]))
            .Encode();

        ReportFormatException error = ParseRealm(realm, out byte[] token);

        Assert.Equal(CcaTokenWriter.OffsetOf(token, realm.Bytes) + realm.ValueOffset(44239), error.Offset);
        Assert.Equal("claim 'rems' (key 44239) of CcaRealmClaims has 3 items; register array 'rem' has 4", error.Reason);
    }

    [Fact]
    public void A_missing_required_claim_is_reported_at_the_start_of_its_map()
    {
        EncodedClaims realm = ClaimMapWriter.Realm().Remove(44237).Encode();

        ReportFormatException error = ParseRealm(realm, out byte[] token);

        Assert.Equal(CcaTokenWriter.OffsetOf(token, realm.Bytes), error.Offset);
        Assert.Equal("CcaRealmClaims is missing the required claim 'publickey' (key 44237)", error.Reason);
    }

    [Fact]
    public void A_missing_optional_claim_is_null()
    {
        EncodedClaims realm = ClaimMapWriter.Realm().Remove(265).Encode();
        EncodedClaims platform = ClaimMapWriter.Platform().Remove(2401).Remove(2400).Encode();

        CcaToken token = CcaToken.Parse(CcaTokenWriter.Token(CcaTokenFormat.Cmw907, platform, realm));

        Assert.Null(token.Realm.Profile);
        Assert.Null(token.Platform.Config);
        Assert.Null(token.Platform.VerificationService);
    }

    [Fact]
    public void A_claim_key_written_twice_is_rejected_by_strict_cbor_at_the_second_key()
    {
        EncodedClaims realm = ClaimMapWriter.Realm().Add(10, w => w.WriteByteString(new byte[64])).Encode();

        ReportFormatException error = ParseRealm(realm, out byte[] token);

        Assert.Equal(CcaTokenWriter.OffsetOf(token, realm.Bytes) + realm.KeyOffset(10), error.Offset);
        Assert.StartsWith("a map key: invalid CBOR (", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_key_repeated_in_a_longer_encoding_is_rejected_as_a_duplicate_claim()
    {
        // 0x18 0x0A is 10 in two bytes: a different encoding, so strict CBOR's duplicate check alone would miss it.
        EncodedClaims realm = ClaimMapWriter.Realm().Add(10, [0x18, 0x0A], w => w.WriteByteString(new byte[64])).Encode();

        ReportFormatException error = ParseRealm(realm, out byte[] token);

        Assert.Equal(CcaTokenWriter.OffsetOf(token, realm.Bytes) + realm.KeyOffset(10), error.Offset);
        Assert.Equal("claim 'challenge' (key 10) of CcaRealmClaims appears more than once", error.Reason);
    }

    [Fact]
    public void Claims_the_schema_does_not_describe_are_skipped()
    {
        EncodedClaims realm = ClaimMapWriter.Realm()
            .Add(44243, w => w.WriteTextString("unknown to the schema"))
            .Add(-70000, w => w.WriteNull())
            .Encode();
        var writer = new CborWriter();
        writer.WriteStartMap(1);
        writer.WriteTextString("a text key");
        writer.WriteStartArray(0);
        writer.WriteEndArray();
        writer.WriteEndMap();

        CcaToken token = CcaToken.Parse(CcaTokenWriter.Token(CcaTokenFormat.Cmw907, ClaimMapWriter.Platform().Add(-1, w => w.WriteEncodedValue(writer.Encode())).Encode(), realm));

        Assert.Equal("sha-256", token.Realm.HashAlgorithm);
    }

    [Fact]
    public void A_negative_lifecycle_is_rejected()
    {
        EncodedClaims platform = ClaimMapWriter.Platform().Replace(2395, w => w.WriteInt64(-1)).Encode();
        byte[] token = CcaTokenWriter.Token(CcaTokenFormat.Cmw907, platform, ClaimMapWriter.Realm().Encode());

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => CcaToken.Parse(token));

        Assert.Equal(CcaTokenWriter.OffsetOf(token, platform.Bytes) + platform.ValueOffset(2395), error.Offset);
        Assert.Equal("claim 'lifecycle' (key 2395) of CcaPlatformClaims: expected an unsigned integer, found a negative integer", error.Reason);
    }

    [Fact]
    public void A_software_component_without_a_measurement_is_rejected_at_its_own_map()
    {
        EncodedClaims platform = ClaimMapWriter.Platform().Replace(2399, w =>
        {
            w.WriteStartArray(1);
            w.WriteStartMap(1);
            w.WriteInt32(5);
            w.WriteByteString(new byte[32]);
            w.WriteEndMap();
            w.WriteEndArray();
        }).Encode();
        byte[] token = CcaTokenWriter.Token(CcaTokenFormat.Cmw907, platform, ClaimMapWriter.Realm().Encode());

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => CcaToken.Parse(token));

        // The array header (1 byte) precedes the component's map.
        Assert.Equal(CcaTokenWriter.OffsetOf(token, platform.Bytes) + platform.ValueOffset(2399) + 1, error.Offset);
        Assert.Equal("CcaSwComponent is missing the required claim 'measurement' (key 2)", error.Reason);
    }

    [Fact]
    public void A_token_with_another_tag_is_rejected_at_its_first_byte()
    {
        byte[] token = CcaTokenWriter.Token();
        token[2] = 0x8C; // tag 907 (d9 03 8b) becomes 908

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => CcaToken.Parse(token));

        Assert.Equal(0, error.Offset);
        Assert.Equal("tag 908; expected 907 (CMW collection) or 399 (legacy)", error.Reason);
    }

    [Fact]
    public void A_token_without_its_realm_token_is_rejected_at_the_collection()
    {
        var writer = new CborWriter();
        writer.WriteTag((CborTag)399);
        writer.WriteStartMap(1);
        writer.WriteInt32(44234);
        writer.WriteByteString(CcaTokenWriter.Sign(ClaimMapWriter.Platform().Encode().Bytes));
        writer.WriteEndMap();

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => CcaToken.Parse(writer.Encode()));

        Assert.Equal(3, error.Offset);
        Assert.Equal("the collection has no realm token (key 44241)", error.Reason);
    }

    [Fact]
    public void A_content_format_other_than_eat_in_a_cwt_is_rejected()
    {
        byte[] token = CcaTokenWriter.Collection(CcaTokenFormat.Cmw907, [0x40], [0x40], contentFormat: 264);

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => CcaToken.Parse(token));

        // d9 038b (tag) a2 (map) 19 acca (key) 82 (array): the content format is at 8.
        Assert.Equal(8, error.Offset);
        Assert.Equal("the platform token (key 44234) has content format 264; expected 263 (EAT in a CWT)", error.Reason);
    }

    [Fact]
    public void A_cose_message_without_its_payload_is_rejected_at_the_payload()
    {
        var writer = new CborWriter();
        writer.WriteTag((CborTag)18);
        writer.WriteStartArray(4);
        writer.WriteByteString([0xA1, 0x01, 0x38, 0x22]);
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteNull();
        writer.WriteByteString(new byte[96]);
        writer.WriteEndArray();
        byte[] detached = writer.Encode();
        byte[] realm = CcaTokenWriter.Sign(ClaimMapWriter.Realm().Encode().Bytes);
        byte[] token = CcaTokenWriter.Collection(CcaTokenFormat.Legacy399, detached, realm);

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => CcaToken.Parse(token));

        Assert.Equal(CcaTokenWriter.OffsetOf(token, detached) + 8, error.Offset);
        Assert.Equal("the platform token (key 44234), payload: expected a byte string, found null", error.Reason);
    }

    [Fact]
    public void Bytes_after_the_token_are_rejected_where_they_start()
    {
        byte[] token = [.. CcaTokenWriter.Token(), 0x00];

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => CcaToken.Parse(token));

        Assert.Equal(token.Length - 1, error.Offset);
        Assert.Equal("1 bytes after the end of the token", error.Reason);
    }

    [Fact]
    public void Try_parse_returns_false_where_parse_throws()
    {
        byte[] token = CcaTokenWriter.Token();

        Assert.False(CcaToken.TryParse(token.AsMemory(0, token.Length - 1), out CcaToken? truncated));
        Assert.Null(truncated);
        Assert.False(CcaToken.TryParse(ReadOnlyMemory<byte>.Empty, out _));
    }

    private static ReportFormatException ParseRealm(EncodedClaims realm, out byte[] token)
    {
        byte[] built = CcaTokenWriter.Token(CcaTokenFormat.Cmw907, ClaimMapWriter.Platform().Encode(), realm);
        token = built;
        return Assert.Throws<ReportFormatException>(() => CcaToken.Parse(built));
    }
}
