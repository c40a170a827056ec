namespace Tsm.EventLog.Tests.Recording;

/// <summary>A test that mounts a filesystem: skipped unless the tests run as root (CI does), because only root may mount.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            Skip = "Mounting a tmpfs (a full disk, a read-only directory) needs root; CI runs as root.";
        }
    }
}
