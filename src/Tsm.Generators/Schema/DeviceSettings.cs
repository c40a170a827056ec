namespace Tsm.Generators.Schema;

/// <summary>The schema's <c>device</c> object: where the kernel puts the register files and how they are named.</summary>
internal sealed record DeviceSettings(string SysfsDirectory, string FileNameTemplate, string NoHashFileNameTemplate, string Encoding)
{
    public const string DefaultFileName = "{name}:{hash}";
    public const string DefaultNoHashFileName = "{name}";
}
