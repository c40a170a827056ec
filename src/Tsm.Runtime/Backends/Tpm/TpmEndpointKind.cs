namespace Tsm;

/// <summary>The three ways to reach a TPM.</summary>
internal enum TpmEndpointKind
{
    /// <summary>A Linux character device: one write of the command, one read of the response.</summary>
    Device,

    /// <summary>swtpm's TCP data socket: raw command and response bytes.</summary>
    Swtpm,

    /// <summary>The MS/IBM simulator: each command wrapped in a TPM_SEND_COMMAND frame.</summary>
    Mssim,
}
