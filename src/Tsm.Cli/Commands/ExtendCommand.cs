using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Tsm.Attestation;

namespace Tsm.Cli.Commands;

/// <summary>
/// <c>tsm extend --vendor V [--backend B] REGISTER (--digest HEX | --text S | --data-file F)</c>. A qualified name
/// (<c>pcr16:sha256</c>, <c>rtmr3:sha384</c>) extends that register with the digest, or with that register's hash of the
/// data; a bare name of a banked register (<c>pcr16</c>) extends every allocated bank with its own hash of the data, in
/// one TPM2_PCR_Extend on a TPM. Prints each register's old and new value.
/// </summary>
internal static class ExtendCommand
{
    public static Command Create()
    {
        Option<string> vendor = VendorOption.Create();
        Option<string> backend = BackendSpec.CreateOption();
        Argument<string> register = new("REGISTER") { HelpName = "REGISTER", Description = "A register: rtmr3:sha384, pcr16:sha256, or a bare banked name (pcr16) for every bank." };
        register.CompletionSources.Add(context => ExtendableNames(context.ParseResult.GetValue(vendor)));
        Option<string> digest = new("--digest") { Description = "Extend with this digest: exactly the register's size, in hex.", HelpName = "HEX" };
        Option<string> text = new("--text") { Description = "Extend with the register's hash of this text (UTF-8).", HelpName = "TEXT" };
        Option<FileInfo> dataFile = InputFileSymbol.Option("--data-file", "Extend with the register's hash of this file's bytes ('-' for standard input).");
        Command command = new("extend", "Extend a measurement register and print its old and new value.") { vendor, backend, register, digest, text, dataFile };
        command.Validators.Add(result =>
        {
            int given = new Option[] { digest, text, dataFile }.Count(o => result.GetResult(o) is not null);
            if (given != 1)
            {
                result.AddError("give exactly one of --digest, --text and --data-file");
            }
        });
        command.SetAction(parsed => CommandRunner.Run(parsed, parsed.GetRequiredValue(register), stdout =>
        {
            DeviceDefinition definition = VendorCatalog.Find(parsed.GetRequiredValue(vendor));
            BackendSpec spec = BackendSpec.Parse(parsed.GetValue(backend));
            ExtendInput input = parsed.GetValue(digest) is { } hex ? ExtendInput.FromDigest(hex)
                : parsed.GetValue(text) is { } s ? ExtendInput.FromData(Encoding.UTF8.GetBytes(s))
                : ExtendInput.FromData(InputFile.Read(InputFileSymbol.PathOf(parsed.GetRequiredValue(dataFile))));
            using MeasurementSession session = spec.Open(definition);
            Extend(session, parsed.GetRequiredValue(register), input, stdout);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// What REGISTER completes to once <c>--vendor</c> is given: the vendor's extendable registers by qualified name,
    /// and the bare name of each banked one; nothing before, since the registers are the vendor's.
    /// </summary>
    private static string[] ExtendableNames(string? vendor)
    {
        DeviceDefinition? definition = TsmCatalog.Definitions.FirstOrDefault(d => d.Vendor == vendor);
        if (definition is null)
        {
            return [];
        }

        RegisterDefinition[] extendable = definition.Registers.Where(static r => r.IsExtendable).ToArray();
        return
        [
            .. extendable.Select(static r => r.QualifiedName),
            .. extendable.Where(static r => r.Bank != MeasurementHash.None).Select(static r => r.Name).Distinct(),
        ];
    }

    private static void Extend(MeasurementSession session, string name, ExtendInput input, TextWriter stdout)
    {
        DeviceDefinition definition = session.Definition;
        RegisterDefinition[] banks = definition.Registers.Where(r => r.Name == name && r.Bank != MeasurementHash.None).ToArray();
        if (banks.Length > 1)
        {
            if (input.Digest is not null)
            {
                throw new InputException($"'{name}' has one register per bank; --digest fits one bank, so name it ({banks[0].QualifiedName}), or give --text or --data-file to extend every bank with its own hash");
            }

            ExtendEveryBank(session, banks, input.Data!, stdout);
            return;
        }

        if (!definition.TryFind(name, out RegisterDefinition? register))
        {
            throw new InputException($"{definition.DisplayName} has no register '{name}'; registers: {string.Join(", ", definition.Registers.Select(static r => r.QualifiedName))}");
        }

        if (!register.IsExtendable)
        {
            throw new InputException($"'{register.QualifiedName}' of {definition.DisplayName} is read-only; extendable: {string.Join(", ", definition.Registers.Where(static r => r.IsExtendable).Select(static r => r.QualifiedName))}");
        }

        byte[] value = Value(session, register, input);
        byte[] before = Read(session, register);
        session.Extend(register, value);
        Print(session, register, before, stdout);
    }

    // A TPM extends every allocated bank in one TPM2_PCR_Extend, so the banks cannot drift apart; the emulators use
    // ExtendAll, which a state file runs as one transaction and the in-process emulator bank after bank.
    private static void ExtendEveryBank(MeasurementSession session, RegisterDefinition[] banks, byte[] data, TextWriter stdout)
    {
        RegisterDefinition[] present = session is TpmSession tpm ? banks.Where(r => tpm.IsAllocated(r.Bank)).ToArray() : banks;
        byte[][] before = present.Select(r => Read(session, r)).ToArray();
        if (session is TpmSession device)
        {
            device.ExtendEvent(present[0].Index, data);
        }
        else
        {
            AgileDigest[] digests = present
                .Select(register => new AgileDigest(session.ResolveHash(register), Value(session, register, ExtendInput.FromData(data))))
                .ToArray();
            session.ExtendAll(present, digests);
        }

        for (int i = 0; i < present.Length; i++)
        {
            Print(session, present[i], before[i], stdout);
        }
    }

    private static byte[] Value(MeasurementSession session, RegisterDefinition register, ExtendInput input)
    {
        int size = session.ResolveSize(register);
        if (input.Digest is { } digest)
        {
            return digest.Length == size
                ? digest
                : throw new InputException($"--digest has {digest.Length} bytes, but '{register.QualifiedName}' takes exactly {size} ({2 * size} hex digits)");
        }

        MeasurementHash hash = session.ResolveHash(register);
        if (hash == MeasurementHash.None)
        {
            throw new InputException($"'{register.QualifiedName}' has no hash algorithm, so --text and --data-file cannot be hashed for it; give --digest");
        }

        byte[] value = new byte[size];
        MeasurementHashInfo.Compute(hash, input.Data, value);
        return value;
    }

    private static byte[] Read(MeasurementSession session, RegisterDefinition register)
    {
        byte[] value = new byte[session.ResolveSize(register)];
        session.Read(register, value);
        return value;
    }

    private static void Print(MeasurementSession session, RegisterDefinition register, byte[] before, TextWriter stdout)
    {
        string name = session.QualifiedNameOf(register);
        stdout.WriteLine($"{name} old {Convert.ToHexStringLower(before)}");
        stdout.WriteLine($"{name} new {Convert.ToHexStringLower(Read(session, register))}");
    }

    private sealed record ExtendInput(byte[]? Digest, byte[]? Data)
    {
        public static ExtendInput FromDigest(string hex)
        {
            string digits = hex.Trim();
            return digits.Length % 2 == 0 && digits.All(char.IsAsciiHexDigit)
                ? new(Convert.FromHexString(digits), null)
                : throw new InputException($"--digest '{hex}' is not hex (two digits per byte)");
        }

        public static ExtendInput FromData(byte[] data) => new(null, data);
    }
}
