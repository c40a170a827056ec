using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Analyzers;

/// <summary>
/// One vendor schema with the lookups the usage analyzers need. Name resolution mirrors the runtime's
/// <c>DeviceDefinition.TryFind</c> (qualified name, then file name, then a unique bare name, then <c>name:hash</c> of a
/// hash-choice register), so a name the analyzer accepts is a name the runtime accepts and vice versa.
/// </summary>
internal sealed class VendorModel
{
    private readonly Dictionary<string, RegisterSpec> _byQualifiedName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegisterSpec> _byFileName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RegisterSpec>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string? Bank, string Property), RegisterSpec> _byProperty = new();

    public VendorModel(VendorSpec spec)
    {
        Spec = spec;
        foreach (RegisterSpec register in spec.Registers)
        {
            if (!_byQualifiedName.ContainsKey(register.QualifiedName))
            {
                _byQualifiedName.Add(register.QualifiedName, register);
            }

            if (!_byFileName.ContainsKey(register.FileName))
            {
                _byFileName.Add(register.FileName, register);
            }

            if (!_byName.TryGetValue(register.Name, out List<RegisterSpec>? variants))
            {
                _byName.Add(register.Name, variants = new List<RegisterSpec>());
            }

            variants.Add(register);
            _byProperty[(register.Bank, register.PropertyName)] = register;
        }
    }

    public VendorSpec Spec { get; }

    public string ClassName => Spec.ClassName;

    public string DisplayName => Spec.DisplayName;

    /// <summary>The kernel files are read-only text (TPM <c>pcr-&lt;hash&gt;/&lt;n&gt;</c>): no register can be written through them.</summary>
    public bool HasReadOnlyFiles => Spec.Encoding == "hex";

    public RegisterSpec? FindByProperty(string? bank, string propertyName) =>
        _byProperty.TryGetValue((bank, propertyName), out RegisterSpec? register) ? register : null;

    public BankSpec? FindBankByClassName(string className) =>
        Spec.Banks.FirstOrDefault(b => b.ClassName == className);

    public RegisterGroupSpec? FindGroup(string? bank, string methodName) =>
        Spec.Groups.FirstOrDefault(g => g.Bank == bank && g.MethodName == methodName);

    /// <summary>Mirrors <c>DeviceDefinition.TryFind</c>; <paramref name="variants"/> is set when a bare name is shared by several hashes.</summary>
    public RegisterSpec? Find(string key, out IReadOnlyList<RegisterSpec>? variants)
    {
        variants = null;
        if (_byQualifiedName.TryGetValue(key, out RegisterSpec? register) || _byFileName.TryGetValue(key, out register))
        {
            return register;
        }

        if (_byName.TryGetValue(key, out List<RegisterSpec>? named))
        {
            if (named.Count == 1)
            {
                return named[0];
            }

            variants = named;
            return null;
        }

        int colon = key.LastIndexOf(':');
        if (colon > 0 && _byName.TryGetValue(key.Substring(0, colon), out named))
        {
            string hash = key.Substring(colon + 1).ToLowerInvariant();
            hash = hash == "sm3-256" ? "sm3" : hash;
            return named.FirstOrDefault(r => r.HashChoices.Contains(hash));
        }

        return null;
    }

    /// <summary>How users name a register: the bare name when unique, else <c>name:hash</c> (the runtime's own error messages use the same).</summary>
    public string UserFacingName(RegisterSpec register) =>
        _byName[register.Name].Count == 1 ? register.Name : register.QualifiedName;

    /// <summary>Every register file as an absolute path (hash-choice files once per choice), with the hash the path selects.</summary>
    public IEnumerable<(string Path, RegisterSpec Register, string? Hash)> FilePaths()
    {
        foreach (string directory in SysfsDirectories())
        {
            foreach (RegisterSpec register in Spec.Registers)
            {
                if (register.HashChoices.Count > 0)
                {
                    foreach (string choice in register.HashChoices)
                    {
                        yield return (directory + "/" + register.FileName.Replace("{hash}", choice), register, choice);
                    }
                }
                else
                {
                    yield return (directory + "/" + register.FileName, register, null);
                }
            }
        }
    }

    /// <summary>
    /// The schema's directory, plus the <c>/sys/devices/virtual/misc/</c> form of a <c>/sys/class/misc/</c> directory:
    /// the class entry is a symlink to it, and the kernel's ABI documents use the devices path.
    /// </summary>
    private IEnumerable<string> SysfsDirectories()
    {
        const string ClassMisc = "/sys/class/misc/";
        const string DevicesMisc = "/sys/devices/virtual/misc/";
        string directory = Spec.SysfsDirectory.TrimEnd('/');
        yield return directory;
        if (directory.StartsWith(ClassMisc, StringComparison.Ordinal))
        {
            yield return DevicesMisc + directory.Substring(ClassMisc.Length);
        }
    }

    /// <summary>The C# expression path from a device variable to the register's typed property: <c>Rtmr3</c>, <c>Sha256.Pcr7</c>.</summary>
    public string AccessorOf(RegisterSpec register)
    {
        if (register.Bank is null)
        {
            return register.PropertyName;
        }

        BankSpec? bank = Spec.Banks.FirstOrDefault(b => b.Hash == register.Bank);
        return bank is null ? register.PropertyName : bank.PropertyName + "." + register.PropertyName;
    }

    /// <summary>
    /// A compact list of the valid names: arrays as ranges (<c>rtmr0..rtmr3</c>), bank registers with their hashes
    /// (<c>pcr0..pcr23 (:sha1, :sha256)</c>), everything else by its user-facing name.
    /// </summary>
    public string DescribeNames(Func<RegisterSpec, bool>? filter = null) => JoinWords(NameParts(filter), "and");

    /// <summary>The parts <see cref="DescribeNames"/> joins.</summary>
    public List<string> NameParts(Func<RegisterSpec, bool>? filter = null)
    {
        var parts = new List<string>();
        var arraysDone = new HashSet<string>(StringComparer.Ordinal);
        foreach (RegisterSpec register in Spec.Registers)
        {
            if (filter is not null && !filter(register))
            {
                continue;
            }

            if (register.ArrayName is string array)
            {
                List<RegisterSpec> members = Spec.Registers.Where(r => r.ArrayName == array && (filter is null || filter(r))).ToList();
                if (members.Count > 1)
                {
                    if (arraysDone.Add(array))
                    {
                        parts.Add(DescribeArray(array, members));
                    }

                    continue;
                }
            }

            string name = UserFacingName(register);
            if (!parts.Contains(name))
            {
                parts.Add(name);
            }
        }

        return parts;
    }

    /// <summary>The registers of an array as a range: <c>rtmr0 to rtmr3</c>, or <c>pcr0 to pcr23 (each as :sha1, :sha256, ...)</c>.</summary>
    public string DescribeArray(string array, IReadOnlyList<RegisterSpec> members)
    {
        int min = members.Min(static r => r.Index);
        int max = members.Max(static r => r.Index);
        var hashes = members.Where(static r => r.Bank is not null).Select(static r => r.Bank!).Distinct(StringComparer.Ordinal).ToList();
        string range = array + Invariant(min) + ".." + array + Invariant(max);
        return hashes.Count > 1 ? range + " (each as " + string.Join(", ", hashes.Select(static h => ":" + h)) + ")" : range;
    }

    /// <summary>What the schema says about a register, as a clause: its description without the final period.</summary>
    public static string Why(RegisterSpec register)
    {
        string? description = register.Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            return "the schema does not flag it 'extendable'";
        }

        return description!.TrimEnd('.', ' ');
    }

    /// <summary>"only rtmr0..rtmr3 can be extended", or that nothing can.</summary>
    public string ExtendableSummary()
    {
        if (!Spec.Registers.Any(static r => r.IsExtendable))
        {
            return DisplayName + " has no extendable register";
        }

        return "only " + DescribeNames(static r => r.IsExtendable) + " can be extended";
    }

    /// <summary>The register's hash as a phrase: "a SHA-384 digest (48 bytes)", "a SHA-256, SHA-384 or SHA-512 digest", "exactly 48 bytes".</summary>
    public static string DescribeInput(RegisterSpec register)
    {
        if (register.HashChoices.Count > 0)
        {
            return "a " + JoinWords(register.HashChoices.Select(HashNames.Display).ToList(), "or") + " digest (" +
                JoinWords(register.HashChoices.Select(static h => Invariant(HashAlgorithms.DigestSize(h))).Distinct().ToList(), "or") +
                " bytes, the platform's choice)";
        }

        int size = InputSize(register);
        return register.Hash == HashAlgorithms.None || register.Hash.Length == 0
            ? "exactly " + Invariant(size) + " bytes"
            : "a " + HashNames.Display(register.Hash) + " digest (" + Invariant(size) + " bytes)";
    }

    /// <summary>The number of bytes one extend takes: the schema's <c>inputSize</c>, else the register size.</summary>
    public static int InputSize(RegisterSpec register) => register.ExtendInputSize > 0 ? register.ExtendInputSize : register.Size;

    public static string JoinWords(IReadOnlyList<string> words, string conjunction) => words.Count switch
    {
        0 => string.Empty,
        1 => words[0],
        2 => words[0] + " " + conjunction + " " + words[1],
        _ => string.Join(", ", words.Take(words.Count - 1)) + " " + conjunction + " " + words[words.Count - 1],
    };

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => new StringBuilder(ClassName).Append(" (").Append(Spec.Vendor).Append(')').ToString();
}
