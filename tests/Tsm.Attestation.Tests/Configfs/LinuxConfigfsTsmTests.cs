using System.Text;
using Tsm.Attestation.Configfs;

namespace Tsm.Attestation.Tests.Configfs;

/// <summary>
/// <see cref="LinuxConfigfsTsm"/>'s system calls against a plain temporary directory: mkdir and rmdir, reading and
/// writing files, and the typed API cleaning up after a failure. Only real configfs-tsm can show the rest: attribute
/// files appearing at mkdir, inblob stored at close, reports made at the first read, and rmdir of a directory that
/// still holds attribute files.
/// </summary>
public sealed class LinuxConfigfsTsmTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tsm-configfs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Mkdir_and_rmdir_create_and_remove_the_instance_directory()
    {
        var files = new LinuxConfigfsTsm(_root);

        Assert.Equal(0, files.CreateInstance("report0"));
        Assert.True(Directory.Exists(Path.Combine(_root, "report0")));
        Assert.Equal(-LinuxErrno.EEXIST, files.CreateInstance("report0"));
        Assert.Equal(0, files.RemoveInstance("report0"));
        Assert.Equal(-LinuxErrno.ENOENT, files.RemoveInstance("report0"));
    }

    [Fact]
    public void Text_attributes_are_read_to_the_end_and_written_in_one_call()
    {
        var files = new LinuxConfigfsTsm(_root);
        files.CreateInstance("report0");
        File.WriteAllText(Path.Combine(_root, "report0", "generation"), "7\n");
        File.WriteAllText(Path.Combine(_root, "report0", "privlevel"), string.Empty);

        Assert.Equal(7UL, files.Generation());
        Assert.Equal(2, files.Store(TsmReportAttributes.Privlevel, "2\n"));
        Assert.Equal("2\n", File.ReadAllText(Path.Combine(_root, "report0", "privlevel")));
    }

    [Fact]
    public void A_missing_attribute_is_ENOENT_at_open() =>
        Assert.Equal(-LinuxErrno.ENOENT, new LinuxConfigfsTsm(_root).Open("report0", "outblob", ConfigfsAccess.Read));

    [Fact]
    public void Rmdir_of_a_plain_directory_with_files_is_ENOTEMPTY()
    {
        var files = new LinuxConfigfsTsm(_root);
        files.CreateInstance("report0");
        File.WriteAllText(Path.Combine(_root, "report0", "provider"), "tdx_guest\n");

        Assert.Equal(-LinuxErrno.ENOTEMPTY, files.RemoveInstance("report0"));
    }

    [Fact]
    public void A_request_that_fails_leaves_no_instance_behind()
    {
        var error = Assert.Throws<ConfigfsAttributeNotSupportedException>(() => new ConfigfsReport(new LinuxConfigfsTsm(_root)).Request(ConfigfsFiles.Nonce));

        Assert.Equal(TsmReportAttributes.Provider, error.Attribute);
        Assert.StartsWith(_root, error.Path);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void A_file_longer_than_the_outblob_maximum_is_refused_rather_than_cut()
    {
        var files = new LinuxConfigfsTsm(_root);
        files.CreateInstance("report0");
        File.WriteAllBytes(Path.Combine(_root, "report0", "outblob"), new byte[TsmReportAttributes.OutblobMax + 1]);
        var instance = new ConfigfsInstanceFiles(files, "report0", Path.Combine(_root, "report0"));

        var error = Assert.Throws<ConfigfsBlobTooLargeException>(() => instance.ReadBlob(TsmReportAttributes.Outblob, required: true));

        Assert.Contains($"more than {TsmReportAttributes.OutblobMax} bytes", error.Message);
    }

    [Fact]
    public void Names_with_a_slash_are_refused_before_any_call() =>
        Assert.Throws<ArgumentException>(() => new LinuxConfigfsTsm(_root).CreateInstance("../escape"));
}
