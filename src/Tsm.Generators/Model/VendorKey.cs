namespace Tsm.Generators.Model;

/// <summary>Which file defines which generated class; collected to find two schemas claiming one vendor.</summary>
internal sealed record VendorKey(string Vendor, string ClassName, string Path);
