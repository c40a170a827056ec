namespace Tsm.Cli;

/// <summary>The exit codes of <c>tsm</c>, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked; for verify: every check passed.</summary>
    public const int Success = 0;

    /// <summary>verify: the file decoded, but at least one check failed.</summary>
    public const int CheckFailed = 1;

    /// <summary>The file cannot be read or decoded, or the command line is wrong.</summary>
    public const int Unusable = 2;

    /// <summary>The device, TPM or emulator refused or failed (the errno or TPM response code decoded on stderr).</summary>
    public const int DeviceFailed = 3;
}
