namespace Tsm.EventLog.Verification;

/// <summary>How a register's stated value compares with the logs' replay.</summary>
public enum VerdictKind
{
    /// <summary>The replay of all events reproduces the stated value.</summary>
    Match,

    /// <summary>Events reach the register, but neither the whole replay nor any prefix reproduces the stated value.</summary>
    Mismatch,

    /// <summary>No event of the logs reaches the register (MRTD always: it is not replayed), so the logs say nothing about it.</summary>
    NotCovered,

    /// <summary>The first <see cref="RegisterVerdict.PrefixEvents"/> events reproduce the stated value, the rest were logged after the evidence was taken. At least one event: a register stated at its initial value is a mismatch, not a prefix of nothing.</summary>
    PrefixMatch,
}
