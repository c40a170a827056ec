namespace Tsm;

/// <summary>How an attribute of a configfs-tsm report instance is opened, as the <c>O_ACCMODE</c> bits of <c>open(2)</c>.</summary>
public enum ConfigfsAccess
{
    /// <summary><c>O_RDONLY</c>.</summary>
    Read,

    /// <summary><c>O_WRONLY</c>.</summary>
    Write,

    /// <summary><c>O_RDWR</c>: configfs refuses it (EACCES) for every configfs-tsm attribute, none being both readable and writable.</summary>
    ReadWrite,
}
