namespace Tsm.Generators.Diagnostics;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that code fixes read.</summary>
internal static class DiagnosticProperties
{
    /// <summary>
    /// On TSM0006: the one size (invariant decimal) that fits every hash the register entry uses. Absent when no single
    /// size is right (banks with different digest sizes), so no fix is offered.
    /// </summary>
    public const string ExpectedSize = "ExpectedSize";

    /// <summary>On TSM1002: the register's kernel hash (<c>sha384</c>); absent for hash-choice registers.</summary>
    public const string RegisterHash = "RegisterHash";

    /// <summary>On TSM1002: present ("true") when the argument is itself a <c>SHAxxx.HashData(...)</c> call the fix can rewrite.</summary>
    public const string HashDataCall = "HashDataCall";

    /// <summary>On TSM1002: the <c>System.Security.Cryptography</c> class with <c>HashData</c> for the register's hash (<c>SHA384</c>), when one exists.</summary>
    public const string HashClass = "HashClass";

    /// <summary>On TSM1002: the Tsm digest type (<c>Sha384Digest</c>) when the receiver is a typed register and <c>Compute</c> can replace the call.</summary>
    public const string DigestType = "DigestType";

    /// <summary>On TSM1003: the closest valid names, separated by <see cref="Separator"/>; one code fix each.</summary>
    public const string Suggestions = "Suggestions";

    /// <summary>On TSM1005: the generated vendor class (<c>Tdx</c>).</summary>
    public const string VendorClass = "VendorClass";

    /// <summary>On TSM1005: the namespace the generator put <see cref="VendorClass"/> in (configurable, so the fix cannot assume it).</summary>
    public const string VendorNamespace = "VendorNamespace";

    /// <summary>On TSM1005: the member path from a device to the register (<c>Rtmr3</c>, <c>Sha256.Pcr7</c>).</summary>
    public const string RegisterAccessor = "RegisterAccessor";

    /// <summary>On TSM1005: the argument index of the written bytes when the call is <c>File.WriteAllBytes(path, bytes)</c>, so the fix can rewrite it.</summary>
    public const string DataArgument = "DataArgument";

    /// <summary>Separates the values of list-valued properties; no register, file or hash name contains it.</summary>
    public const char Separator = '|';
}
