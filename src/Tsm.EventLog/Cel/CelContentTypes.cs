using System.Globalization;

namespace Tsm.EventLog.Cel;

/// <summary>Names of CEL content types as CEL JSON writes them (<c>"pcclient_std"</c>), and back.</summary>
public static class CelContentTypes
{
    /// <summary>The JSON name of a content type; an unnamed one as its number.</summary>
    public static string Name(byte type) => (CelContentType)type switch
    {
        CelContentType.Cel => "cel",
        CelContentType.PcClientStd => "pcclient_std",
        CelContentType.ImaTemplate => "ima_template",
        CelContentType.ImaTlv => "ima_tlv",
        CelContentType.SystemdSafford or CelContentType.Systemd => "systemd",
        CelContentType.Cos => "cos",
        _ => type.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Parses a name <see cref="Name"/> gives or a decimal number; <c>systemd</c> is 11.</summary>
    public static bool TryParse(string name, out byte type)
    {
        type = name switch
        {
            "cel" => (byte)CelContentType.Cel,
            "pcclient_std" => (byte)CelContentType.PcClientStd,
            "ima_template" => (byte)CelContentType.ImaTemplate,
            "ima_tlv" => (byte)CelContentType.ImaTlv,
            "systemd" => (byte)CelContentType.Systemd,
            "cos" => (byte)CelContentType.Cos,
            _ => 0,
        };
        return type != 0 || (byte.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out type) && type > 3);
    }
}
