namespace Tsm.EventLog.Cel;

/// <summary>
/// CEL content types (the TLV type of a record's content; TCG CEL §5.1, libcel <c>include/cel_types.h</c>, D. Safford
/// <c>cel.h</c>). systemd's number is disputed: Safford's <c>cel.h</c> says 9, libcel says 11; both are read, and
/// <see cref="Systemd"/> (11, libcel's) is the one written.
/// </summary>
public enum CelContentType : byte
{
    /// <summary>cel (4): CEL management events (version, firmware_end, timestamps, state transitions).</summary>
    Cel = 4,

    /// <summary>pcclient_std (5): a PC Client event, sub-TLVs 0 event_type and 1 event_data.</summary>
    PcClientStd = 5,

    /// <summary>ima_template (7): sub-TLVs 0 template_name and 1 template_data.</summary>
    ImaTemplate = 7,

    /// <summary>ima_tlv (8).</summary>
    ImaTlv = 8,

    /// <summary>systemd under Safford's <c>cel.h</c> numbering (9); read as systemd.</summary>
    SystemdSafford = 9,

    /// <summary>systemd under libcel's numbering (11); the number written.</summary>
    Systemd = 11,

    /// <summary>go-tpm-tools' Confidential Space launcher events (80, "COS"); the digest covers the whole content TLV.</summary>
    Cos = 80,
}
