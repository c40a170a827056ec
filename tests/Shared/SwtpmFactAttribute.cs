namespace Tsm.Testing;

/// <summary>A fact that needs a real swtpm: skipped with the reason when it is not installed, failed instead under CI.</summary>
public sealed class SwtpmFactAttribute : FactAttribute
{
    public SwtpmFactAttribute()
    {
        if (!Swtpm.Available && !Swtpm.Required)
        {
            Skip = Swtpm.SkipReason;
        }
    }
}
