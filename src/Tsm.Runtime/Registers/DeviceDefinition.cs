using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace Tsm;

/// <summary>
/// A platform's register catalogue: where the kernel exposes it and every register in schema order. The
/// constructor checks that the registers are consistent, so backends can rely on unique names and valid aliases.
/// </summary>
public sealed class DeviceDefinition
{
    private readonly Dictionary<RegisterDefinition, int> _indexes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, RegisterDefinition> _byQualifiedName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegisterDefinition> _byFileName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RegisterDefinition>> _byName = new(StringComparer.Ordinal);
    private IReadOnlyList<RoleMapping> _roles = Array.Empty<RoleMapping>();

    /// <summary>Creates a device definition and validates its registers.</summary>
    /// <param name="vendor">The schema's vendor id (<c>tdx</c>, <c>tsm-mr-sample</c>); the generated class is its PascalCase form.</param>
    /// <param name="displayName">The human name ("Intel TDX"), used in messages.</param>
    /// <param name="sysfsDirectory">The absolute directory of the register files (<c>/sys/class/misc/tdx_guest/measurements</c>).</param>
    /// <param name="encoding">How the files encode values.</param>
    /// <param name="registers">The registers, in kernel order.</param>
    /// <exception cref="ArgumentException">
    /// The registers are inconsistent: duplicate qualified or file names, an alias whose target is missing or has
    /// another size, a refresh source that does not exist, a size that does not match the hash, or a bad file name.
    /// </exception>
    // Generated code calls this; applications get instances from the generated classes, so IntelliSense hides it (issue 8 §5).
    [EditorBrowsable(EditorBrowsableState.Never)]
    public DeviceDefinition(string vendor, string displayName, string sysfsDirectory, SysfsEncoding encoding, IReadOnlyList<RegisterDefinition> registers)
    {
        ArgumentException.ThrowIfNullOrEmpty(vendor);
        ArgumentException.ThrowIfNullOrEmpty(displayName);
        ArgumentException.ThrowIfNullOrEmpty(sysfsDirectory);
        ArgumentNullException.ThrowIfNull(registers);
        if (!Enum.IsDefined(encoding))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown SysfsEncoding.");
        }

        if (registers.Count == 0)
        {
            throw new ArgumentException($"{displayName}: a device needs at least one register.", nameof(registers));
        }

        Vendor = vendor;
        DisplayName = displayName;
        SysfsDirectory = sysfsDirectory;
        Encoding = encoding;
        Registers = Array.AsReadOnly(registers.ToArray());
        Index();
        foreach (RegisterDefinition register in Registers)
        {
            ValidateShape(register);
            ValidateAlias(register);
            ValidateRefresh(register);
        }
    }

    /// <summary>The schema's vendor id (<c>tdx</c>).</summary>
    public string Vendor { get; }

    /// <summary>The human name ("Intel TDX").</summary>
    public string DisplayName { get; }

    /// <summary>The absolute directory of the register files on a real machine.</summary>
    public string SysfsDirectory { get; }

    /// <summary>How the register files encode values.</summary>
    public SysfsEncoding Encoding { get; }

    /// <summary>Every register, in schema (kernel) order.</summary>
    public IReadOnlyList<RegisterDefinition> Registers { get; }

    /// <summary>
    /// The platform's logical registers: which register each <see cref="MeasurementRole"/> it supports maps to, from the
    /// schema's <c>logical</c> section. Empty when the platform has none (SEV-SNP measures at run time through a vTPM).
    /// </summary>
    /// <exception cref="ArgumentException">A role appears twice, or names no extendable register of this device.</exception>
    public IReadOnlyList<RoleMapping> Roles
    {
        get => _roles;
        init => _roles = ValidateRoles(value);
    }

    /// <summary>The mapping of <paramref name="role"/>, or null when the platform does not map it.</summary>
    public RoleMapping? FindRole(MeasurementRole role) => _roles.FirstOrDefault(mapping => mapping.Role == role);

    /// <summary>Every register (every bank, on a crypto-agile device) with the schema name <paramref name="name"/>, in schema order.</summary>
    public IReadOnlyList<RegisterDefinition> RegistersNamed(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out List<RegisterDefinition>? variants) ? variants.AsReadOnly() : Array.Empty<RegisterDefinition>();
    }

    /// <summary>The name of the generated class for this vendor (<c>tdx</c> → <c>Tdx</c>, <c>tsm-mr-sample</c> → <c>TsmMrSample</c>), for messages.</summary>
    internal string TypeName => string.Concat(Vendor.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>
    /// Finds a register by <see cref="RegisterDefinition.Name"/>, <c>name:hash</c> or file name. A bare name shared
    /// by several crypto-agile registers is ambiguous and must be written <c>name:hash</c>.
    /// </summary>
    /// <exception cref="MeasurementRegisterNotFoundException">No register, or several, match; the message lists the valid names.</exception>
    public RegisterDefinition Find(string nameOrQualifiedNameOrFileName)
    {
        ArgumentNullException.ThrowIfNull(nameOrQualifiedNameOrFileName);
        if (TryFind(nameOrQualifiedNameOrFileName, out RegisterDefinition? register))
        {
            return register;
        }

        string name = nameOrQualifiedNameOrFileName;
        if (_byName.TryGetValue(name, out List<RegisterDefinition>? variants))
        {
            throw new MeasurementRegisterNotFoundException(
                $"{DisplayName} has several registers named '{name}', one per hash; say which with 'name:hash': {string.Join(", ", variants.Select(v => v.QualifiedName))}.",
                registerName: name);
        }

        throw new MeasurementRegisterNotFoundException(
            $"{DisplayName} has no register '{name}'. Valid names: {string.Join(", ", UserFacingNames())} (a 'name:hash' or a file name also works).",
            registerName: name);
    }

    /// <summary>Like <see cref="Find"/>, but returns false instead of throwing when no single register matches.</summary>
    public bool TryFind(string nameOrQualifiedNameOrFileName, [NotNullWhen(true)] out RegisterDefinition? register)
    {
        ArgumentNullException.ThrowIfNull(nameOrQualifiedNameOrFileName);
        string key = nameOrQualifiedNameOrFileName;
        if (_byQualifiedName.TryGetValue(key, out register) || _byFileName.TryGetValue(key, out register))
        {
            return true;
        }

        if (_byName.TryGetValue(key, out List<RegisterDefinition>? variants))
        {
            register = variants.Count == 1 ? variants[0] : null;
            return register is not null;
        }

        register = FindHashChoice(key);
        return register is not null;
    }

    /// <summary>The position of <paramref name="register"/> in <see cref="Registers"/> (by reference), or -1.</summary>
    internal int IndexOf(RegisterDefinition register) => _indexes.TryGetValue(register, out int index) ? index : -1;

    /// <summary>The register that owns <paramref name="register"/>'s storage: its alias target, or itself.</summary>
    internal RegisterDefinition StorageOwner(RegisterDefinition register) =>
        register.AliasOf is null ? register : _byName[register.AliasOf].First(r => r.AliasOf is null);

    /// <summary>Returns <see cref="DisplayName"/>.</summary>
    public override string ToString() => DisplayName;

    private IEnumerable<string> UserFacingNames() =>
        Registers.Select(r => _byName[r.Name].Count == 1 ? r.Name : r.QualifiedName);

    // "rem0:sha256" names a hash-choice register "rem0" whose choices include SHA-256.
    private RegisterDefinition? FindHashChoice(string key)
    {
        int colon = key.LastIndexOf(':');
        if (colon <= 0
            || !MeasurementHashInfo.TryParseKernelName(key[(colon + 1)..], out MeasurementHash hash)
            || !_byName.TryGetValue(key[..colon], out List<RegisterDefinition>? variants))
        {
            return null;
        }

        return variants.FirstOrDefault(r => r.HashChoices.Contains(hash));
    }

    private void Index()
    {
        for (int i = 0; i < Registers.Count; i++)
        {
            RegisterDefinition register = Registers[i] ?? throw new ArgumentException($"{DisplayName}: register {i} is null.", "registers");
            if (!_indexes.TryAdd(register, i))
            {
                throw Invalid(register, "appears twice in the register list");
            }

            if (!_byQualifiedName.TryAdd(register.QualifiedName, register))
            {
                throw Invalid(register, "has the same qualified name as another register; crypto-agile variants need distinct 'name:hash' names");
            }

            if (!_byFileName.TryAdd(register.FileName, register))
            {
                throw Invalid(register, $"uses the file '{register.FileName}' that another register already uses");
            }

            if (!_byName.TryGetValue(register.Name, out List<RegisterDefinition>? variants))
            {
                _byName.Add(register.Name, variants = new List<RegisterDefinition>());
            }

            variants.Add(register);
        }
    }

    private void ValidateShape(RegisterDefinition register)
    {
        if (register.HashChoices is null || register.MappedPcrs is null)
        {
            throw Invalid(register, "has a null HashChoices or MappedPcrs list");
        }

        if (register.HasHashChoices)
        {
            ValidateHashChoices(register);
        }
        else if (register.QualifiedName.Contains(RegisterDefinition.HashPlaceholder, StringComparison.Ordinal)
            || register.FileName.Contains(RegisterDefinition.HashPlaceholder, StringComparison.Ordinal))
        {
            throw Invalid(register, $"uses the {RegisterDefinition.HashPlaceholder} placeholder but has no HashChoices");
        }
        else if (register.HasHash && register.Size != MeasurementHashInfo.DigestSize(register.Hash))
        {
            throw Invalid(register, register.Hash == MeasurementHash.None
                ? "has neither a hash nor the NoHash flag; opaque registers need RegisterFlags.NoHash"
                : $"is {register.Size} bytes but a {MeasurementHashInfo.DisplayName(register.Hash)} digest is {MeasurementHashInfo.DigestSize(register.Hash)}");
        }

        // tsm-mr (and TPM extend) take exactly one register-sized operand; any other input size could never be written.
        if (register.ExtendInputSize != 0 && register.ExtendInputSize != register.Size)
        {
            throw Invalid(register, $"has ExtendInputSize {register.ExtendInputSize}, but an extend through {Encoding} files writes exactly the register size ({register.Size})");
        }
    }

    private void ValidateHashChoices(RegisterDefinition register)
    {
        if (register.Hash != MeasurementHash.None || !register.HasHash)
        {
            throw Invalid(register, "has HashChoices, so its Hash must be None and it must not be NoHash");
        }

        int largest = 0;
        for (int i = 0; i < register.HashChoices.Count; i++)
        {
            MeasurementHash choice = register.HashChoices[i];
            if (choice == MeasurementHash.None || !Enum.IsDefined(choice) || register.HashChoices.Take(i).Contains(choice))
            {
                throw Invalid(register, $"has an invalid or repeated hash choice '{choice}'");
            }

            largest = Math.Max(largest, MeasurementHashInfo.DigestSize(choice));
        }

        if (register.Size != largest)
        {
            throw Invalid(register, $"is {register.Size} bytes but its largest hash choice is {largest}");
        }

        if (!register.QualifiedName.Contains(RegisterDefinition.HashPlaceholder, StringComparison.Ordinal)
            || !register.FileName.Contains(RegisterDefinition.HashPlaceholder, StringComparison.Ordinal))
        {
            throw Invalid(register, $"has HashChoices, so its qualified name and file name must contain {RegisterDefinition.HashPlaceholder}");
        }
    }

    private void ValidateAlias(RegisterDefinition register)
    {
        if (register.AliasOf is null)
        {
            return;
        }

        List<RegisterDefinition>? owners = _byName.TryGetValue(register.AliasOf, out List<RegisterDefinition>? named)
            ? named.Where(r => r.AliasOf is null).ToList()
            : null;
        if (owners is null || owners.Count != 1 || ReferenceEquals(owners[0], register))
        {
            throw Invalid(register, $"is an alias of '{register.AliasOf}', which must be exactly one other register that is not itself an alias");
        }

        if (owners[0].Size != register.Size || owners[0].HasHashChoices != register.HasHashChoices)
        {
            throw Invalid(register, $"is {register.Size} bytes but aliases '{owners[0].QualifiedName}' of {owners[0].Size} bytes; an alias shares the storage, so the sizes must match");
        }
    }

    private void ValidateRefresh(RegisterDefinition register)
    {
        if (register.Refresh is null)
        {
            return;
        }

        if (!register.IsLive)
        {
            throw Invalid(register, "has a refresh rule but is not Live; only live registers are recomputed on read");
        }

        if (MeasurementHashInfo.DigestSize(register.Refresh.Hash) != register.Size)
        {
            throw Invalid(register, $"is {register.Size} bytes but its refresh hash {MeasurementHashInfo.DisplayName(register.Refresh.Hash)} produces {MeasurementHashInfo.DigestSize(register.Refresh.Hash)}");
        }

        foreach (string source in register.Refresh.Sources)
        {
            if (!TryFind(source, out RegisterDefinition? found) || ReferenceEquals(found, register))
            {
                throw Invalid(register, $"refreshes from '{source}', which is not one other register of {DisplayName}");
            }
        }
    }

    private IReadOnlyList<RoleMapping> ValidateRoles(IReadOnlyList<RoleMapping> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var seen = new HashSet<MeasurementRole>();
        foreach (RoleMapping mapping in roles)
        {
            if (mapping is null || !Enum.IsDefined(mapping.Role) || !seen.Add(mapping.Role))
            {
                throw new ArgumentException($"{DisplayName}: every role is mapped at most once, and every mapping is a defined MeasurementRole.", nameof(Roles));
            }

            IReadOnlyList<RegisterDefinition> targets = mapping.RegisterName is null ? Array.Empty<RegisterDefinition>() : RegistersNamed(mapping.RegisterName);
            if (targets.Count == 0 || targets.Any(register => !register.IsExtendable || register.AliasOf is not null))
            {
                throw new ArgumentException(
                    $"{DisplayName}: role '{MeasurementRoleNames.Of(mapping.Role)}' maps to '{mapping.RegisterName}', which is not an extendable register of this device (aliases excluded).",
                    nameof(Roles));
            }
        }

        return Array.AsReadOnly(roles.ToArray());
    }

    private ArgumentException Invalid(RegisterDefinition register, string problem) =>
        new($"{DisplayName}: register '{register.QualifiedName}' {problem}.", "registers");
}
