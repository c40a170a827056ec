using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>
/// Turns register entries into the flat list the emitter needs: arrays and banks expanded, aliases resolved,
/// kernel file names built from the device templates, C# names assigned and checked for collisions.
/// </summary>
internal sealed class RegisterExpander
{
    /// <summary>Members of <c>Tsm.MeasurementDevice</c>/<c>object</c>, the generated factory and the logical-register property and class, which a register must not shadow.</summary>
    private static readonly string[] ReservedMembers =
    {
        "Definition", "Session", "Registers", "Register", "Dispose", "Open", "Equals", "GetHashCode", "ToString",
        "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", Naming.LogicalPropertyName, Naming.LogicalClassName,
    };

    private readonly DeviceSettings _device;
    private readonly string _className;
    private readonly SchemaContext _context;
    private readonly List<PendingRegister> _registers = new();
    private readonly HashSet<RegisterEntry> _sizeReported = new();

    public RegisterExpander(DeviceSettings device, string className, SchemaContext context)
    {
        _device = device;
        _className = className;
        _context = context;
    }

    public (EquatableArray<RegisterSpec> Registers, EquatableArray<RegisterGroupSpec> Groups, EquatableArray<BankSpec> Banks) Expand(IReadOnlyList<RegisterEntry> entries)
    {
        foreach (RegisterEntry entry in entries)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            ExpandEntry(entry);
        }

        ResolveAliases();
        foreach (PendingRegister register in _registers)
        {
            AssignFileNames(register);
            register.RegisterType = RegisterTypeOf(register);
        }

        CheckUniqueness();
        AssignPropertyNames();
        CheckRefreshSources();

        EquatableArray<BankSpec> banks = _registers
            .Where(static r => r.Bank is not null)
            .Select(static r => r.Bank!)
            .Distinct(StringComparer.Ordinal)
            .Select(static b => new BankSpec(b, HashAlgorithms.PascalName(b), HashAlgorithms.PascalName(b) + "Bank"))
            .ToEquatableArray();
        EquatableArray<RegisterGroupSpec> groups = BuildGroups();
        CheckMemberCollisions(banks, groups);
        return (_registers.Select(ToSpec).ToEquatableArray(), groups, banks);
    }

    private void ExpandEntry(RegisterEntry entry)
    {
        IEnumerable<string?> banks = entry.Banks.Count > 0 ? entry.Banks : new string?[] { null };
        IEnumerable<int> indexes = entry.Count is int count ? Enumerable.Range(0, count) : new[] { -1 };
        int first = _registers.Count;
        foreach (string? bank in banks)
        {
            foreach (int index in indexes)
            {
                string name = index < 0 ? entry.Name : entry.Name + Invariant(index);
                var register = new PendingRegister(entry, name, bank, index)
                {
                    Hash = bank ?? entry.Hash ?? (entry.HashChoices.Count > 0 ? string.Empty : HashAlgorithms.None),
                    HashChoices = entry.HashChoices,
                };
                register.Size = ImpliedSize(register);
                _registers.Add(register);
            }
        }

        CheckExtendInput(_registers[first]);
    }

    /// <summary>tsm-mr takes exactly <c>mr_size</c> bytes per write, so through a binary device the input size is the register size.</summary>
    private void CheckExtendInput(PendingRegister register)
    {
        int? input = register.Entry.ExtendInputSize;
        if (input is null || _device.Encoding != "binary")
        {
            return;
        }

        if (register.HashChoices.Count > 0 || input != register.Size)
        {
            _context.Report(DiagnosticIds.InvalidValue, register.Entry.ExtendRange, $"'inputSize' of register '{register.Entry.Name}' must equal its size ({Invariant(register.Size)}): tsm-mr writes exactly the register size at offset 0 (omit it for hash-choice registers)");
        }
    }

    /// <summary>
    /// The declared size, else the digest size. Every bank is checked (each has its own digest size), but an entry
    /// gets one diagnostic, not one per expanded register; hash-choice registers take the chosen hash's size.
    /// </summary>
    private int ImpliedSize(PendingRegister register)
    {
        bool report = !_sizeReported.Contains(register.Entry);
        RegisterEntry entry = register.Entry;
        int digest = register.HashChoices.Count > 0
            ? register.HashChoices.Max(HashAlgorithms.DigestSize)
            : HashAlgorithms.DigestSize(register.Hash);
        if (entry.Size is int size)
        {
            if (report && register.HashChoices.Count > 0)
            {
                _sizeReported.Add(entry);
                _context.Report(DiagnosticIds.InvalidValue, entry.SizeRange, $"Register '{register.Name}' has 'hashChoices', so its size is the chosen hash's digest size; remove 'size'");
            }
            else if (report && entry.Banks.Count > 0 && entry.Banks.All(bank => HashAlgorithms.DigestSize(bank) == size))
            {
                // docs/schema.md allows no size with banks; a wrong one is TSM0006 below (with its fix), a right one is
                // still an error, as in tsm-vendor.schema.json (the broken-schema corpus, issue 8 §1).
                _sizeReported.Add(entry);
                _context.Report(DiagnosticIds.InvalidValue, entry.SizeRange, $"Register '{register.Name}' has 'banks', so its size is each bank's digest size; remove 'size'");
            }
            else if (report && digest > 0 && size != digest)
            {
                _sizeReported.Add(entry);
                _context.Report(DiagnosticIds.SizeDoesNotMatchHash, entry.SizeRange, SizeFixProperties(entry, digest), register.Name, Invariant(size), register.Hash, Invariant(digest));
            }

            return size;
        }

        return digest;
    }

    /// <summary>The size the code fix may write: only when every bank of the entry has this digest size.</summary>
    private static EquatableArray<(string Key, string Value)> SizeFixProperties(RegisterEntry entry, int digest) =>
        entry.Banks.All(bank => HashAlgorithms.DigestSize(bank) == digest)
            ? new[] { (DiagnosticProperties.ExpectedSize, Invariant(digest)) }.ToEquatableArray()
            : EquatableArray<(string Key, string Value)>.Empty;

    private void ResolveAliases()
    {
        var orphans = new HashSet<PendingRegister>();
        foreach (PendingRegister alias in _registers.Where(static r => r.Entry.AliasOf is not null))
        {
            RegisterEntry entry = alias.Entry;
            if (entry.Count is not null)
            {
                _context.Report(DiagnosticIds.InvalidValue, entry.AliasOfRange, $"Alias '{entry.Name}' cannot be an array; give one alias entry per register");
                continue;
            }

            PendingRegister? target = _registers.FirstOrDefault(r => r.Entry.AliasOf is null && Names(r, entry.AliasOf!) && r.Bank == alias.Bank);
            if (target is null)
            {
                if (_context.IsBrokenRegister(entry.AliasOf!))
                {
                    // The target was left out for an error already reported; the alias goes with it.
                    orphans.Add(alias);
                    _context.MarkBrokenRegister(entry.Name);
                }
                else
                {
                    _context.Report(DiagnosticIds.UnknownRegisterReference, entry.AliasOfRange, entry.Name, entry.AliasOf!);
                }

                continue;
            }

            alias.AliasTarget = target.Name;
            if (entry.Hash is null && entry.HashChoices.Count == 0 && entry.Banks.Count == 0)
            {
                alias.Hash = target.Hash;
                alias.HashChoices = target.HashChoices;
            }

            if (entry.Size is null && alias.Size == 0)
            {
                alias.Size = target.Size;
            }

            if (alias.Size != target.Size)
            {
                Json.TextRange where = entry.Size is null ? entry.AliasOfRange : entry.SizeRange;
                _context.Report(DiagnosticIds.InvalidValue, where, $"Alias '{entry.Name}' has size {Invariant(alias.Size)} but its target '{target.Name}' has size {Invariant(target.Size)}; an alias shares the target's storage");
            }
        }

        _registers.RemoveAll(orphans.Contains);
    }

    /// <summary>References name a register by its expanded name (<c>rtmr0</c>) or as <c>name:hash</c>.</summary>
    private static bool Names(PendingRegister register, string reference) =>
        register.Name == reference || (register.Hash.Length > 0 && register.Name + ":" + register.Hash == reference);

    private void AssignFileNames(PendingRegister register)
    {
        string hashText = register.HashChoices.Count > 0 ? "{hash}" : register.Hash;
        bool noHash = register.Hash == HashAlgorithms.None;
        string template = noHash ? _device.NoHashFileNameTemplate : _device.FileNameTemplate;
        string fileName = template
            .Replace("{name}", register.Name)
            .Replace("{array}", register.Entry.Count is null ? register.Name : register.Entry.Name)
            .Replace("{index}", register.Index < 0 ? string.Empty : Invariant(register.Index));
        if (!(register.HashChoices.Count > 0))
        {
            fileName = fileName.Replace("{hash}", hashText);
        }

        register.FileName = fileName;
        register.QualifiedName = noHash ? register.Name : register.Name + ":" + hashText;
        if (template.IndexOf("{index}", StringComparison.Ordinal) >= 0 && register.Index < 0)
        {
            _context.Report(DiagnosticIds.InvalidValue, register.Range, $"The device file name '{template}' uses {{index}}, but register '{register.Name}' is not an array");
        }
    }

    private string? RegisterTypeOf(PendingRegister register)
    {
        bool extendable = (register.Entry.Flags & RegisterSpec.ExtendableFlag) != 0;
        if (register.HashChoices.Count > 0)
        {
            return extendable ? "global::Tsm.AgileExtendableRegister" : "global::Tsm.AgileReadOnlyRegister";
        }

        string? valueType = register.Hash == HashAlgorithms.None
            ? HashAlgorithms.OpaqueType(register.Size)
            : HashAlgorithms.DigestType(register.Hash);
        if (valueType is null)
        {
            // Every kernel hash name has a digest type, so only a no-hash register of an unusual size gets here.
            _context.Report(DiagnosticIds.UnsupportedValueType, register.Range, $"Register '{register.Name}' has no hash and size {Invariant(register.Size)}; the runtime has opaque value types of 32, 48 and 64 bytes");
            return null;
        }

        string wrapper = extendable ? "ExtendableRegister" : "ReadOnlyRegister";
        return $"global::Tsm.{wrapper}<global::Tsm.{valueType}>";
    }

    private void CheckUniqueness()
    {
        var qualified = new HashSet<string>(StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (PendingRegister register in _registers)
        {
            if (!qualified.Add(register.QualifiedName))
            {
                _context.Report(DiagnosticIds.DuplicateName, register.Range, "Register", register.QualifiedName);
            }
            else if (!files.Add(register.FileName))
            {
                _context.Report(DiagnosticIds.DuplicateName, register.Range, "Register file", register.FileName);
            }

            CheckFileName(register);
        }
    }

    private void CheckFileName(PendingRegister register)
    {
        string fileName = register.FileName;
        bool bad = fileName.Length == 0 || fileName[0] == '/' || fileName.IndexOf('\\') >= 0 ||
            fileName.Split('/').Any(static s => s.Length == 0 || s == "." || s == "..");
        if (bad)
        {
            _context.Report(DiagnosticIds.InvalidName, register.Range, fileName, "register file name", "it must stay inside the device directory (relative, no '..' or empty segments)");
        }
    }

    private void AssignPropertyNames()
    {
        foreach (PendingRegister register in _registers)
        {
            bool agile = _registers.Count(r => r.Name == register.Name && r.Bank == register.Bank) > 1;
            string hashSuffix = register.Hash.Length > 0 && register.Hash != HashAlgorithms.None ? HashAlgorithms.PascalName(register.Hash) : string.Empty;
            string baseName = register.Entry.PropertyName is { } given
                ? given + (register.Index < 0 ? string.Empty : Invariant(register.Index))
                : Naming.ToPascalCase(register.Name);
            register.PropertyName = baseName + (agile ? hashSuffix : string.Empty);
        }
    }

    private void CheckRefreshSources()
    {
        foreach (RegisterEntry entry in _registers.Select(static r => r.Entry).Distinct())
        {
            foreach ((string name, Json.TextRange range) in entry.RefreshSources)
            {
                if (!_registers.Any(r => Names(r, name)) && !_context.IsBrokenRegister(name))
                {
                    _context.Report(DiagnosticIds.UnknownRegisterReference, range, entry.Name, name);
                }
            }
        }
    }

    private EquatableArray<RegisterGroupSpec> BuildGroups()
    {
        var groups = new List<RegisterGroupSpec>();
        foreach (IGrouping<(RegisterEntry Entry, string? Bank), PendingRegister> group in _registers
            .Where(static r => r.Index >= 0)
            .GroupBy(static r => (r.Entry, r.Bank)))
        {
            string? type = group.First().RegisterType;
            if (type is null)
            {
                continue;
            }

            groups.Add(new RegisterGroupSpec(
                group.Key.Entry.Name,
                group.Key.Entry.PropertyName ?? Naming.ToPascalCase(group.Key.Entry.Name),
                group.Key.Bank,
                type,
                group.OrderBy(static r => r.Index).Select(static r => r.PropertyName).ToEquatableArray()));
        }

        return groups.ToEquatableArray();
    }

    private void CheckMemberCollisions(EquatableArray<BankSpec> banks, EquatableArray<RegisterGroupSpec> groups)
    {
        var seen = new Dictionary<(string? Bank, string Member), string>();
        foreach (BankSpec bank in banks)
        {
            seen[(null, bank.PropertyName)] = "bank " + bank.Hash;
        }

        foreach (RegisterGroupSpec group in groups)
        {
            seen[(group.Bank, group.MethodName)] = "the index method of array '" + group.ArrayName + "'";
        }

        foreach (PendingRegister register in _registers)
        {
            string member = register.PropertyName;
            if (Array.IndexOf(ReservedMembers, member) >= 0 || member == _className)
            {
                _context.Report(DiagnosticIds.MemberNameCollision, register.Range, register.Name, member, "is already a member of every generated vendor class");
            }
            else if (seen.TryGetValue((register.Bank, member), out string? other))
            {
                _context.Report(DiagnosticIds.MemberNameCollision, register.Range, register.Name, member, "is also generated for " + other);
            }
            else
            {
                seen[(register.Bank, member)] = "register '" + register.QualifiedName + "'";
            }
        }
    }

    private static RegisterSpec ToSpec(PendingRegister register)
    {
        RegisterEntry entry = register.Entry;
        entry.Elements.TryGetValue(register.Index, out ElementDetails? element);
        int flags = entry.Flags | (register.Hash == HashAlgorithms.None ? RegisterSpec.NoHashFlag : 0);
        return new RegisterSpec(
            register.Name,
            register.QualifiedName,
            register.FileName,
            register.PropertyName,
            register.Size,
            register.Hash,
            register.HashChoices.ToEquatableArray(),
            flags,
            entry.ExtendInputSize ?? 0,
            register.AliasTarget,
            entry.Count is null ? null : entry.Name,
            register.Index,
            register.Bank,
            element?.Description ?? entry.Description,
            element?.CcMrIndex ?? entry.CcMrIndex,
            (element?.Pcrs ?? entry.Pcrs).ToEquatableArray(),
            element?.Initial ?? entry.Initial,
            entry.RefreshHash,
            entry.RefreshSources.Select(static s => s.Name).ToEquatableArray(),
            register.RegisterType ?? string.Empty);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
