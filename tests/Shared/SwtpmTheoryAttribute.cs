namespace Tsm.Testing;

/// <summary>A theory that needs a real swtpm: skipped with the reason when it is not installed, failed instead under CI.</summary>
public sealed class SwtpmTheoryAttribute : TheoryAttribute
{
    public SwtpmTheoryAttribute()
    {
        if (!Swtpm.Available && !Swtpm.Required)
        {
            Skip = Swtpm.SkipReason;
        }
    }
}
