namespace Tsm.EventLog.Tests.Infrastructure;

/// <summary>A theory that needs the shared sample data: skipped, with the reason, when the data is not there.</summary>
public sealed class SampleDataTheoryAttribute : TheoryAttribute
{
    public SampleDataTheoryAttribute()
    {
        if (!SampleData.Available)
        {
            Skip = SampleData.SkipReason;
        }
    }
}
