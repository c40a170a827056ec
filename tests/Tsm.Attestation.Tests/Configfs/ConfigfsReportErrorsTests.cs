using Tsm.Attestation.Configfs;

namespace Tsm.Attestation.Tests.Configfs;

/// <summary>Every errno configfs-tsm returns has its own exception type, all deriving from <see cref="TsmException"/>.</summary>
public sealed class ConfigfsReportErrorsTests
{
    public static TheoryData<int, string?, Type> Errnos => new()
    {
        { LinuxErrno.ENXIO, null, typeof(ConfigfsProviderUnavailableException) },
        { LinuxErrno.ENXIO, TsmReportAttributes.Outblob, typeof(ConfigfsProviderUnavailableException) },
        { LinuxErrno.ENOENT, TsmReportAttributes.Privlevel, typeof(ConfigfsAttributeNotSupportedException) },
        { LinuxErrno.ENOENT, null, typeof(ConfigfsProviderUnavailableException) },
        { LinuxErrno.EINVAL, TsmReportAttributes.Outblob, typeof(ConfigfsInvalidRequestException) },
        { LinuxErrno.ERANGE, TsmReportAttributes.Privlevel, typeof(ConfigfsInvalidRequestException) },
        { LinuxErrno.EFBIG, TsmReportAttributes.Inblob, typeof(ConfigfsBlobTooLargeException) },
        { LinuxErrno.EBUSY, TsmReportAttributes.Outblob, typeof(ConfigfsBusyException) },
        { LinuxErrno.ETIMEDOUT, TsmReportAttributes.Outblob, typeof(ConfigfsTimeoutException) },
        { LinuxErrno.EINTR, TsmReportAttributes.Outblob, typeof(ConfigfsInterruptedException) },
        { LinuxErrno.ENOMEM, TsmReportAttributes.Outblob, typeof(ConfigfsOutOfMemoryException) },
        { LinuxErrno.EFAULT, TsmReportAttributes.Inblob, typeof(ConfigfsProtocolException) },
        { LinuxErrno.ETXTBSY, TsmReportAttributes.Inblob, typeof(ConfigfsProtocolException) },
        { LinuxErrno.EIO, TsmReportAttributes.Outblob, typeof(ConfigfsReportException) },
    };

    [Theory]
    [MemberData(nameof(Errnos))]
    public void Each_errno_maps_to_its_exception_with_the_facts(int errno, string? attribute, Type type)
    {
        ConfigfsReportException error = ConfigfsReportErrors.FromErrno(errno, "Reading", "/cfg/report0/x", attribute, TsmReportProviders.Tdx);

        Assert.Equal(type, error.GetType());
        Assert.IsAssignableFrom<TsmException>(error);
        Assert.Equal(errno, error.Errno);
        Assert.Equal(attribute, error.Attribute);
        Assert.Equal(TsmReportProviders.Tdx, error.Provider);
        Assert.Equal("/cfg/report0/x", error.Path);
        Assert.Contains(LinuxErrno.Describe(errno), error.Message);
    }

    [Theory]
    [InlineData(LinuxErrno.EFAULT, "EFAULT (Bad address)")]
    [InlineData(LinuxErrno.ETXTBSY, "ETXTBSY (Text file busy)")]
    [InlineData(LinuxErrno.ETIMEDOUT, "ETIMEDOUT (Connection timed out)")]
    [InlineData(LinuxErrno.ENOMEM, "ENOMEM (Cannot allocate memory)")]
    [InlineData(LinuxErrno.ERANGE, "ERANGE (Numerical result out of range)")]
    public void The_new_errnos_have_their_linux_numbers_and_names(int errno, string described) =>
        Assert.Equal(described, LinuxErrno.Describe(errno));

    [Fact]
    public void The_errno_numbers_are_the_generic_linux_ones()
    {
        Assert.Equal([9, 12, 14, 17, 25, 26, 34, 39, 110], new[]
        {
            LinuxErrno.EBADF, LinuxErrno.ENOMEM, LinuxErrno.EFAULT, LinuxErrno.EEXIST, LinuxErrno.ENOTTY,
            LinuxErrno.ETXTBSY, LinuxErrno.ERANGE, LinuxErrno.ENOTEMPTY, LinuxErrno.ETIMEDOUT,
        });
    }
}
