namespace Tsm.Attestation.Cca;

/// <summary>The top-level form of an Arm CCA attestation token (TF-RMM attestation_token.c).</summary>
public enum CcaTokenFormat
{
    /// <summary>The current TF-RMM default: tag 907 (CMW collection) around <c>{44234: [263, bstr], 44241: [263, bstr]}</c>, each token with its content format (263, EAT in a CWT).</summary>
    Cmw907,

    /// <summary>The older form (TF-RMM <c>DOWNREV_CCA_TOKEN_TOP_FORMAT</c>): tag 399 around <c>{44234: bstr, 44241: bstr}</c>.</summary>
    Legacy399,
}
