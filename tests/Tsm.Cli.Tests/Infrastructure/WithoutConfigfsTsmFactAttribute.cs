namespace Tsm.Cli.Tests.Infrastructure;

/// <summary>A fact about a machine without the kernel's configfs-tsm: skipped, with the reason, on a confidential guest that has it.</summary>
public sealed class WithoutConfigfsTsmFactAttribute : FactAttribute
{
    public WithoutConfigfsTsmFactAttribute()
    {
        if (Directory.Exists("/sys/kernel/config/tsm/report"))
        {
            Skip = "This machine has configfs-tsm (/sys/kernel/config/tsm/report), so a report request would reach the kernel.";
        }
    }
}
