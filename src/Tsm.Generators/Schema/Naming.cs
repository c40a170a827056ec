using System.Text;

namespace Tsm.Generators.Schema;

/// <summary>Schema names to C# names, and the name rules that keep register files inside the device directory.</summary>
internal static class Naming
{
    /// <summary>The vendor-class property of the logical registers (<c>tdx.Logical.Application</c>).</summary>
    public const string LogicalPropertyName = "Logical";

    /// <summary>The nested class of that property; never a report type (those are top-level) nor a bank class (<c>*Bank</c>).</summary>
    public const string LogicalClassName = "LogicalRegisters";

    /// <summary>The generated entry point over every vendor that maps roles; no vendor class, report or claim set may take its name.</summary>
    public const string PlatformsClassName = "MeasurementPlatforms";

    /// <summary>The generated catalog of every vendor, report layout and claim set; no vendor class, report or claim set may take its name.</summary>
    public const string CatalogClassName = "TsmCatalog";

    /// <summary><c>^[a-z][a-z0-9_]*$</c>: a kernel-style name that is also safe as a file name and a C# identifier part.</summary>
    public static bool IsSnakeName(string name)
    {
        if (name.Length == 0 || name[0] < 'a' || name[0] > 'z')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>^[a-z][a-z0-9]*(-[a-z0-9]+)*$</c>: vendor ids such as <c>sev-snp</c>.</summary>
    public static bool IsVendorId(string id)
    {
        if (id.Length == 0 || id[0] < 'a' || id[0] > 'z' || id[id.Length - 1] == '-')
        {
            return false;
        }

        for (int i = 0; i < id.Length; i++)
        {
            char c = id[i];
            bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsCSharpIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why <paramref name="name"/> is not a register name, in words that name the risk.</summary>
    public static string ExplainBadName(string name)
    {
        if (name.IndexOf('/') >= 0 || name.IndexOf('\\') >= 0 || name.IndexOf("..", System.StringComparison.Ordinal) >= 0)
        {
            return "it would escape the device directory; names must match ^[a-z][a-z0-9_]*$";
        }

        return "names must match ^[a-z][a-z0-9_]*$ (lower-case letters, digits and '_', starting with a letter)";
    }

    /// <summary><c>rtmr_crypto_agile</c> → <c>RtmrCryptoAgile</c>, <c>sev-snp</c> → <c>SevSnp</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool upper = true;
        foreach (char c in name)
        {
            if (c == '_' || c == '-')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }
}
