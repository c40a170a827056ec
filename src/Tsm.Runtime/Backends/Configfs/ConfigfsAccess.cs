namespace Tsm;

/// <summary>How an attribute of a configfs-tsm report instance is opened, as the <c>O_ACCMODE</c> bits of <c>open(2)</c>.</summary>
public enum ConfigfsAccess
{
    /// <summary><c>O_RDONLY</c>.</summary>
    Read,

    /// <summary><c>O_WRONLY</c>.</summary>
    Write,

    /// <summary><c>O_RDWR</c>: configfs then refuses the second direction on a binary attribute with ETXTBSY.</summary>
    ReadWrite,
}
