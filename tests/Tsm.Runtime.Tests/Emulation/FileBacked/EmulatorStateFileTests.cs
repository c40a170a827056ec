using System.Text;
using CsCheck;

namespace Tsm.Runtime.Tests.Emulation.FileBacked;

/// <summary>
/// The state file is untrusted input: whatever it holds, opening it either works or fails with
/// <see cref="EmulatorStateException"/> naming the file, the byte and the reason.
/// </summary>
public sealed class EmulatorStateFileTests : IDisposable
{
    private readonly TempStateFile _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void The_file_is_one_line_of_versioned_json()
    {
        TsmBackend.EmulatedFile(_state.Path).Open(KernelSample.Definition).Dispose();

        string text = File.ReadAllText(_state.Path);

        Assert.StartsWith("{\"format\":\"tsm-emulator-state\",\"version\":1,\"selectedHash\":null,\"devices\":[{\"vendor\":\"tsm-mr-sample\"", text);
        Assert.EndsWith("}\n", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("{\"file\":\"rtmr_crypto_agile:sha256\",\"pendingWriteErrno\":0}", text);
    }

    [Fact]
    public void Every_truncation_of_a_valid_file_is_a_state_error()
    {
        byte[] valid = ValidFile();

        for (int length = 0; length < valid.Length - 1; length++)
        {
            File.WriteAllBytes(_state.Path, valid[..length]);

            var error = Assert.Throws<EmulatorStateException>(Open);

            Assert.Equal(_state.Path, error.Path);
            Assert.InRange(error.Offset ?? -1, 0, length);
        }
    }

    [Fact]
    public void Another_version_names_the_version_and_its_byte()
    {
        string text = Encoding.UTF8.GetString(ValidFile()).Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal);
        File.WriteAllText(_state.Path, text);

        var error = Assert.Throws<EmulatorStateException>(Open);

        Assert.Equal(text.IndexOf("\"version\"", StringComparison.Ordinal), error.Offset);
        Assert.Contains("format version 2; this Tsm reads version 1 only", error.Message);
        Assert.Contains(_state.Path, error.Message);
    }

    [Fact]
    public void A_file_larger_than_any_state_file_is_refused_without_reading_it()
    {
        using (FileStream stream = File.Create(_state.Path))
        {
            stream.SetLength(64L << 20);
        }

        var error = Assert.Throws<EmulatorStateException>(Open);

        Assert.Contains("more than any state file (1048576)", error.Message);
    }

    [Theory]
    [InlineData("", 0, "the file is empty")]
    [InlineData("\u007fELF\u0002", 0, "not JSON")]
    [InlineData("[]", 0, "expected a state file (a JSON object)")]
    [InlineData("{\"format\":\"tsm-emulator-state\",\"format\":\"x\"}", 31, "given twice")]
    [InlineData("{\"format\":\"tsm-emulator-state\",\"version\":1,\"selectedHash\":null,\"devices\":[],\"extra\":0}", 76, "key \"extra\" is unknown")]
    [InlineData("{\"format\":\"tsm-emulator-state\",\"version\":1,\"selectedHash\":\"md5\",\"devices\":[]}", 58, "not a kernel hash name")]
    [InlineData("{\"format\":\"tsm-emulator-state\",\"version\":1,\"selectedHash\":null,\"devices\":[]} {}", 77, "not JSON")]
    [InlineData("{\"format\":\"tsm-emulator-state\",\"version\":1,\"selectedHash\":null}", 0, "needs \"format\", \"version\", \"selectedHash\" and \"devices\"")]
    [InlineData("{\"format\":\"tsm-emulator-state\",\"version\":1,\"selectedHash\":null,\"devices\":[{\"vendor\":\"tdx\",\"inSync\":1}]}", 99, "\"inSync\" must be true or false")]
    public void A_hostile_file_fails_at_its_first_bad_byte(string content, long offset, string reason)
    {
        File.WriteAllText(_state.Path, content);

        var error = Assert.Throws<EmulatorStateException>(Open);

        Assert.Contains(reason, error.Message);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void A_value_of_the_wrong_size_or_a_fault_no_driver_returns_is_refused()
    {
        string valid = Encoding.UTF8.GetString(ValidFile());
        string shortValue = valid.Replace(new string('0', 96), new string('0', 94), StringComparison.Ordinal);
        string oddErrno = valid.Replace("\"pendingWriteErrno\":0", "\"pendingWriteErrno\":95", StringComparison.Ordinal);
        string faultOnReadOnly = valid.Replace("{\"file\":\"mrtd:sha384\",\"platform\":\"" + new string('0', 96) + "\",\"cache\":\"" + new string('0', 96) + "\",\"pendingWriteErrno\":0", "{\"file\":\"mrtd:sha384\",\"platform\":\"" + new string('0', 96) + "\",\"cache\":\"" + new string('0', 96) + "\",\"pendingWriteErrno\":5", StringComparison.Ordinal);

        File.WriteAllText(_state.Path, shortValue);
        Assert.Contains("has 47-byte values, but the register is 48 bytes", Assert.Throws<EmulatorStateException>(Open).Message);
        File.WriteAllText(_state.Path, oddErrno);
        Assert.Contains("neither 0 nor an errno a driver returns", Assert.Throws<EmulatorStateException>(Open).Message);
        File.WriteAllText(_state.Path, faultOnReadOnly);
        Assert.NotEqual(valid, faultOnReadOnly);
        Assert.Contains("has a pending write fault, but no write of it reaches the driver", Assert.Throws<EmulatorStateException>(Open).Message);
    }

    [Fact]
    public void Any_mutation_of_a_valid_file_opens_or_fails_only_with_a_state_error()
    {
        byte[] valid = ValidFile();
        Gen<(int Kind, int Position, byte Value)> mutation = Gen.Select(Gen.Int[0, 3], Gen.Int[0, valid.Length - 1], Gen.Byte);

        // CsCheck samples on several threads, so every sample has its own file.
        mutation.Array[1, 4].Sample(mutations =>
        {
            using var state = new TempStateFile();
            byte[] bytes = Mutate(valid, mutations);
            File.WriteAllBytes(state.Path, bytes);
            try
            {
                Open(state.Path);
            }
            catch (EmulatorStateException error)
            {
                Assert.Equal(state.Path, error.Path);
                Assert.Contains(state.Path, error.Message);
                Assert.True(error.Offset is null or >= 0 && error.Offset <= bytes.Length, $"{bytes.Length} bytes: {error.Message}");
            }
        }, iter: 400);
    }

    private static byte[] Mutate(byte[] valid, (int Kind, int Position, byte Value)[] mutations)
    {
        var bytes = new List<byte>(valid);
        foreach ((int kind, int position, byte value) in mutations)
        {
            int at = Math.Min(position, Math.Max(bytes.Count - 1, 0));
            switch (kind)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = value;
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    // Three devices (TDX, the kernel sample with aliases and a derived register, a TPM) in one machine.
    private byte[] ValidFile()
    {
        FileEmulatedBackend backend = TsmBackend.EmulatedFile(_state.Path);
        backend.Open(TdxDevice.Definition).Dispose();
        backend.Open(KernelSample.Definition).Dispose();
        backend.Open(TpmLike.Definition).Dispose();
        byte[] valid = File.ReadAllBytes(_state.Path);
        File.Delete(_state.Path);
        return valid;
    }

    private void Open() => Open(_state.Path);

    private static void Open(string path)
    {
        FileEmulatedBackend backend = TsmBackend.EmulatedFile(path);
        using TdxDevice tdx = TdxDevice.Open(backend);
        tdx.Rtmr0.Read();
        using GenericDevice sample = GenericDevice.Open(KernelSample.Definition, backend);
        sample.Register("report_digest").ReadBytes();
        using GenericDevice tpm = GenericDevice.Open(TpmLike.Definition, backend);
        tpm.Register("pcr17:sha256").ReadBytes();
    }
}
