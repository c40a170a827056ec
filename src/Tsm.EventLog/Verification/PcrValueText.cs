using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Tsm.EventLog.Registers;

namespace Tsm.EventLog.Verification;

/// <summary>PCR (or RTMR) values as text: the JSON <c>tsm log replay --json</c> prints, or <c>tpm2_pcrread</c>'s YAML.</summary>
internal static class PcrValueText
{
    public static ExpectedRegisters Read(ReadOnlySpan<byte> evidence)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(evidence);
        }
        catch (DecoderFallbackException)
        {
            throw new EvidenceFormatException("not a TD quote, a TDREPORT, JSON or tpm2_pcrread YAML");
        }

        string trimmed = text.TrimStart();
        return trimmed.StartsWith('{') ? ReadJson(text) : ReadYaml(text);
    }

    /// <summary><c>{"registers": {"pcr0": {"sha256": "&lt;hex&gt;"}}}</c>, or the inner object alone.</summary>
    private static ExpectedRegisters ReadJson(string text)
    {
        var registers = new List<ExpectedRegister>();
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            JsonElement values = root.TryGetProperty("registers", out JsonElement inner) ? inner : root;
            if (values.ValueKind != JsonValueKind.Object)
            {
                throw new EvidenceFormatException("\"registers\" is not an object of register names");
            }

            foreach (JsonProperty register in values.EnumerateObject())
            {
                if (!RegisterId.TryParse(register.Name, out RegisterId id) || register.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new EvidenceFormatException($"\"{register.Name}\" is not a register name with an object of banks (pcr0..pcr23, rtmr0..rtmr3, mrtd)");
                }

                foreach (JsonProperty bank in register.Value.EnumerateObject())
                {
                    registers.Add(Value(id, bank.Name, bank.Value.ValueKind == JsonValueKind.String ? bank.Value.GetString()! : "", line: null));
                }
            }
        }
        catch (JsonException error)
        {
            throw new EvidenceFormatException($"invalid JSON: {error.Message}", error.LineNumber is long line ? (int)line + 1 : null);
        }

        return new ExpectedRegisters(EvidenceKind.Json, registers);
    }

    /// <summary>
    /// tpm2-tools <c>tpm2_pcrread</c> output (tools/misc/tpm2_pcrread.c, <c>pcr_print_pcr_struct</c>): a bank line
    /// <c>  sha256:</c>, then one line per PCR, <c>    0 : 0x&lt;HEX&gt;</c>.
    /// </summary>
    private static ExpectedRegisters ReadYaml(string text)
    {
        var registers = new List<ExpectedRegister>();
        string? bank = null;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.EndsWith(':') && !line.Contains(' ', StringComparison.Ordinal))
            {
                bank = line[..^1];
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (bank is null || colon < 0 || !int.TryParse(line[..colon].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pcr) || pcr >= RegisterIndexes.PcrCount)
            {
                throw new EvidenceFormatException("expected a bank line (\"sha256:\") or a PCR line (\"0 : 0x…\")", i + 1);
            }

            string value = line[(colon + 1)..].Trim();
            registers.Add(Value(RegisterId.Pcr(pcr), bank, value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value, i + 1));
        }

        if (registers.Count == 0)
        {
            throw new EvidenceFormatException("not a TD quote, a TDREPORT, JSON or tpm2_pcrread YAML: no register values found");
        }

        return new ExpectedRegisters(EvidenceKind.Tpm2PcrRead, registers);
    }

    private static ExpectedRegister Value(RegisterId register, string bankName, string hex, int? line)
    {
        if (!MeasurementHashInfo.TryParseKernelName(bankName, out MeasurementHash bank))
        {
            throw new EvidenceFormatException($"\"{bankName}\" is not a hash name (sha1, sha256, sha384, sha512, ...)", line);
        }

        int size = MeasurementHashInfo.DigestSize(bank);
        byte[] value;
        try
        {
            value = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new EvidenceFormatException($"the {register.Name} {bankName} value is not hex", line);
        }

        if (value.Length != size)
        {
            throw new EvidenceFormatException($"the {register.Name} {bankName} value has {value.Length} bytes; a {bankName} value has {size}", line);
        }

        return new ExpectedRegister(register, bank, value);
    }
}
