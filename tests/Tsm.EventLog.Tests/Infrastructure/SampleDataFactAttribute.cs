namespace Tsm.EventLog.Tests.Infrastructure;

/// <summary>A fact that needs the shared sample data: skipped, with the reason, when the data is not there.</summary>
public sealed class SampleDataFactAttribute : FactAttribute
{
    public SampleDataFactAttribute()
    {
        if (!SampleData.Available)
        {
            Skip = SampleData.SkipReason;
        }
    }
}
