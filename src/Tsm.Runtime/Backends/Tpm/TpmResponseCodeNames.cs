namespace Tsm;

/// <summary>
/// The names of TPM 2.0 response codes (TCG TPM 2.0 Library Part 2 §6.6 TPM_RC; the same values as
/// tpm2-tss <c>include/tss2/tss2_tpm2_types.h</c>): format-0 errors <c>RC_VER1 + n</c>, format-1 errors
/// <c>RC_FMT1 + n</c> and warnings <c>RC_WARN + n</c>.
/// </summary>
internal static class TpmResponseCodeNames
{
    public static string Of(TpmResponseCode code)
    {
        if (code.IsSuccess)
        {
            return "TPM_RC_SUCCESS";
        }

        if (code.IsTpm12)
        {
            return $"TPM 1.2 response code {code.Value}";
        }

        if (code.IsVendorDefined)
        {
            return "a vendor-defined response code";
        }

        string? name = code.IsFormat1 ? Format1(code.Value & 0x3F) : code.IsWarning ? Warning(code.Value & 0x7F) : Format0(code.Value & 0x7F);
        return name ?? "an undefined response code";
    }

    private static string? Format0(uint number) => number switch
    {
        0x000 => "TPM_RC_INITIALIZE",
        0x001 => "TPM_RC_FAILURE",
        0x003 => "TPM_RC_SEQUENCE",
        0x00B => "TPM_RC_PRIVATE",
        0x019 => "TPM_RC_HMAC",
        0x020 => "TPM_RC_DISABLED",
        0x021 => "TPM_RC_EXCLUSIVE",
        0x024 => "TPM_RC_AUTH_TYPE",
        0x025 => "TPM_RC_AUTH_MISSING",
        0x026 => "TPM_RC_POLICY",
        0x027 => "TPM_RC_PCR",
        0x028 => "TPM_RC_PCR_CHANGED",
        0x02D => "TPM_RC_UPGRADE",
        0x02E => "TPM_RC_TOO_MANY_CONTEXTS",
        0x02F => "TPM_RC_AUTH_UNAVAILABLE",
        0x030 => "TPM_RC_REBOOT",
        0x031 => "TPM_RC_UNBALANCED",
        0x042 => "TPM_RC_COMMAND_SIZE",
        0x043 => "TPM_RC_COMMAND_CODE",
        0x044 => "TPM_RC_AUTHSIZE",
        0x045 => "TPM_RC_AUTH_CONTEXT",
        0x046 => "TPM_RC_NV_RANGE",
        0x047 => "TPM_RC_NV_SIZE",
        0x048 => "TPM_RC_NV_LOCKED",
        0x049 => "TPM_RC_NV_AUTHORIZATION",
        0x04A => "TPM_RC_NV_UNINITIALIZED",
        0x04B => "TPM_RC_NV_SPACE",
        0x04C => "TPM_RC_NV_DEFINED",
        0x050 => "TPM_RC_BAD_CONTEXT",
        0x051 => "TPM_RC_CPHASH",
        0x052 => "TPM_RC_PARENT",
        0x053 => "TPM_RC_NEEDS_TEST",
        0x054 => "TPM_RC_NO_RESULT",
        0x055 => "TPM_RC_SENSITIVE",
        _ => null,
    };

    private static string? Format1(uint number) => number switch
    {
        0x001 => "TPM_RC_ASYMMETRIC",
        0x002 => "TPM_RC_ATTRIBUTES",
        0x003 => "TPM_RC_HASH",
        0x004 => "TPM_RC_VALUE",
        0x005 => "TPM_RC_HIERARCHY",
        0x007 => "TPM_RC_KEY_SIZE",
        0x008 => "TPM_RC_MGF",
        0x009 => "TPM_RC_MODE",
        0x00A => "TPM_RC_TYPE",
        0x00B => "TPM_RC_HANDLE",
        0x00C => "TPM_RC_KDF",
        0x00D => "TPM_RC_RANGE",
        0x00E => "TPM_RC_AUTH_FAIL",
        0x00F => "TPM_RC_NONCE",
        0x010 => "TPM_RC_PP",
        0x012 => "TPM_RC_SCHEME",
        0x015 => "TPM_RC_SIZE",
        0x016 => "TPM_RC_SYMMETRIC",
        0x017 => "TPM_RC_TAG",
        0x018 => "TPM_RC_SELECTOR",
        0x01A => "TPM_RC_INSUFFICIENT",
        0x01B => "TPM_RC_SIGNATURE",
        0x01C => "TPM_RC_KEY",
        0x01D => "TPM_RC_POLICY_FAIL",
        0x01F => "TPM_RC_INTEGRITY",
        0x020 => "TPM_RC_TICKET",
        0x021 => "TPM_RC_RESERVED_BITS",
        0x022 => "TPM_RC_BAD_AUTH",
        0x023 => "TPM_RC_EXPIRED",
        0x024 => "TPM_RC_POLICY_CC",
        0x025 => "TPM_RC_BINDING",
        0x026 => "TPM_RC_CURVE",
        0x027 => "TPM_RC_ECC_POINT",
        _ => null,
    };

    private static string? Warning(uint number) => number switch
    {
        0x001 => "TPM_RC_CONTEXT_GAP",
        0x002 => "TPM_RC_OBJECT_MEMORY",
        0x003 => "TPM_RC_SESSION_MEMORY",
        0x004 => "TPM_RC_MEMORY",
        0x005 => "TPM_RC_SESSION_HANDLES",
        0x006 => "TPM_RC_OBJECT_HANDLES",
        0x007 => "TPM_RC_LOCALITY",
        0x008 => "TPM_RC_YIELDED",
        0x009 => "TPM_RC_CANCELED",
        0x00A => "TPM_RC_TESTING",
        >= 0x010 and <= 0x016 => $"TPM_RC_REFERENCE_H{number - 0x010}",
        >= 0x018 and <= 0x01E => $"TPM_RC_REFERENCE_S{number - 0x018}",
        0x020 => "TPM_RC_NV_RATE",
        0x021 => "TPM_RC_LOCKOUT",
        0x022 => "TPM_RC_RETRY",
        0x023 => "TPM_RC_NV_UNAVAILABLE",
        _ => null,
    };
}
