using System;

namespace Tsm;

/// <summary>How <see cref="TsmBackend.Tpm(string, TpmOptions?)"/> talks to the TPM.</summary>
public sealed class TpmOptions
{
    /// <summary>
    /// The longest wait for a connection, a send or each part of a response (default 30 seconds). Past it the command
    /// fails with <see cref="TpmTransportException"/> and the connection is dropped. Character devices have the kernel's
    /// own command timeouts and ignore this.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The locality commands run at (0-4), or null to leave it as the TPM has it. PCRs 17-22 accept extends only from
    /// localities 1-4 (PC Client PCR attributes, ms-tpm-20-ref <c>s_initAttributes</c>). mssim sends it in every command frame; swtpm's raw TCP
    /// protocol has none, so Tsm sets it through the control port (the data port + 1, <c>CMD_SET_LOCALITY</c>) before
    /// each command. A character device has no locality choice: the Linux driver sends everything at locality 0, so only
    /// null or 0 is accepted there.
    /// </summary>
    public byte? Locality { get; init; }

    /// <summary>
    /// Whether a simulator connection stays open between commands (default false: one connection per command). swtpm
    /// and the MS simulator serve one client at a time, so a connection kept open makes every other client, such as
    /// <c>tpm2_pcrread</c>, wait until the session is disposed; keeping it saves a TCP handshake per command.
    /// </summary>
    public bool KeepConnection { get; init; }
}
