using Tsm.EventLog.Recording;

namespace Tsm.EventLog.Tests.Recording;

public sealed class FilesystemFailureTests
{
    [RootFact]
    public void On_a_full_disk_the_entry_is_removed_again_and_the_register_is_not_extended()
    {
        using var disk = new TmpfsMount("size=64k");
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        using MeasurementLog log = MeasurementLog.Open(disk.File("eventlog"), rtmr3);
        log.Record("example.com", "Fill", new string('x', 2000));
        FillTheRest(disk);
        long length = new FileInfo(log.Path).Length;
        byte[] before = RecordingPlatforms.Read(rtmr3);

        var error = Assert.Throws<MeasurementLogException>(() => log.Record("example.com", "Overflow", new string('y', 3000)));

        Assert.Contains(log.Path, error.Message, StringComparison.Ordinal);
        Assert.Equal(length, new FileInfo(log.Path).Length);
        Assert.Equal(before, RecordingPlatforms.Read(rtmr3));
        Assert.True(MeasurementLog.Check(log.Path, rtmr3).IsVerified);
    }

    [RootFact]
    public void In_a_read_only_directory_the_log_is_refused_naming_it_and_the_register_is_not_extended()
    {
        using var directory = new TmpfsMount("size=64k,ro");
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        byte[] before = RecordingPlatforms.Read(rtmr3);

        var error = Assert.Throws<MeasurementLogException>(() => MeasurementLog.Open(directory.File("eventlog"), rtmr3));

        Assert.Contains(directory.File("eventlog"), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, RecordingPlatforms.Read(rtmr3));
    }

    [RootFact]
    public void A_log_whose_directory_became_read_only_refuses_the_next_record_and_keeps_what_it_has()
    {
        using var directory = new TmpfsMount("size=64k");
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        using MeasurementLog log = MeasurementLog.Open(directory.File("eventlog"), rtmr3);
        log.Record("example.com", "Start", "a");
        byte[] before = RecordingPlatforms.Read(rtmr3);
        directory.Remount("ro");

        Assert.Throws<MeasurementLogException>(() => log.Record("example.com", "Start", "b"));

        Assert.Equal(before, RecordingPlatforms.Read(rtmr3));
        directory.Remount("rw");
        Assert.True(MeasurementLog.Check(log.Path, rtmr3).IsVerified);
    }

    // tmpfs allocates whole pages: after this the log can still grow inside its last page, but not past it.
    private static void FillTheRest(TmpfsMount disk)
    {
        using var filler = new FileStream(disk.File("filler"), FileMode.Create);
        byte[] page = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(page);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // ENOSPC: the disk is full.
        }
    }
}
