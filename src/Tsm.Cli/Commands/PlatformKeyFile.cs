using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tsm.Cli.Commands;

/// <summary>
/// Loads the Arm CCA platform attestation key (IAK/CPAK) for <c>tsm verify --iak</c>: a PEM SubjectPublicKeyInfo
/// (<c>-----BEGIN PUBLIC KEY-----</c>, what <c>tsm report --test-root-out</c> writes) or an EC JWK (RFC 7517/7518, the
/// form test suites publish their keys in). Only the public part of a JWK is read.
/// </summary>
internal static class PlatformKeyFile
{
    /// <exception cref="InputException">The file cannot be read or holds neither form.</exception>
    public static ECDsa Load(string path)
    {
        byte[] bytes = InputFile.Read(path);
        string text = Encoding.UTF8.GetString(bytes).Trim();
        return text.StartsWith('{') ? FromJwk(text, path) : FromPem(text, path);
    }

    private static ECDsa FromPem(string text, string path)
    {
        ECDsa key = ECDsa.Create();
        try
        {
            key.ImportFromPem(text);
            return key;
        }
        catch (Exception error) when (error is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw InputException.ForFile(path, "not an EC public key in PEM (-----BEGIN PUBLIC KEY-----) or JWK");
        }
    }

    private static ECDsa FromJwk(string text, string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            JsonElement jwk = document.RootElement;
            if (jwk.GetProperty("kty").GetString() != "EC")
            {
                throw InputException.ForFile(path, "the JWK is not an EC key (kty \"EC\")");
            }

            string? curveName = jwk.GetProperty("crv").GetString();
            ECCurve curve = curveName switch
            {
                "P-256" => ECCurve.NamedCurves.nistP256,
                "P-384" => ECCurve.NamedCurves.nistP384,
                "P-521" => ECCurve.NamedCurves.nistP521,
                _ => throw InputException.ForFile(path, $"the JWK's curve '{curveName}' is not P-256, P-384 or P-521"),
            };
            var point = new ECPoint
            {
                X = Base64Url(jwk.GetProperty("x").GetString()),
                Y = Base64Url(jwk.GetProperty("y").GetString()),
            };
            return ECDsa.Create(new ECParameters { Curve = curve, Q = point });
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or CryptographicException)
        {
            throw InputException.ForFile(path, $"not a usable EC JWK: {error.Message}");
        }
    }

    private static byte[] Base64Url(string? value) =>
        System.Buffers.Text.Base64Url.DecodeFromChars(value ?? throw new FormatException("a coordinate is null"));
}
