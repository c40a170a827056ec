namespace Tsm.Generators.Model;

/// <summary>A vendor whose schema maps roles: all that the generated <c>MeasurementPlatforms</c> class needs of it.</summary>
internal sealed record PlatformVendor(string Vendor, string ClassName);
