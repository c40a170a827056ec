using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Emulation.FileBacked;

/// <summary>A state file is one machine: every backend and process that opens it sees the same registers.</summary>
public sealed class FileEmulatedBackendTests : IDisposable
{
    private readonly TempStateFile _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void Two_backends_on_one_file_see_each_others_extends()
    {
        using TdxDevice first = TdxDevice.Open(TsmBackend.EmulatedFile(_state.Path));
        using TdxDevice second = TdxDevice.Open(TsmBackend.EmulatedFile(_state.Path));
        byte[] a = Reference.Bytes(48, 1);
        byte[] b = Reference.Bytes(48, 2);

        first.Rtmr3.Extend(a);
        second.Rtmr3.Extend(b);

        byte[] expected = Reference.Extend(HashAlgorithmName.SHA384, Reference.Extend(HashAlgorithmName.SHA384, new byte[48], a), b);
        Assert.Equal(expected, first.Rtmr3.Read().ToArray());
        Assert.Equal(expected, second.Rtmr3.Read().ToArray());
    }

    [Fact]
    public void Opening_a_device_creates_the_file_with_reset_registers_and_the_state_outlives_the_backend()
    {
        Assert.False(File.Exists(_state.Path));
        using (TdxDevice tdx = TdxDevice.Open(TsmBackend.EmulatedFile(_state.Path)))
        {
            Assert.True(File.Exists(_state.Path));
            tdx.Rtmr1.Extend(Reference.Bytes(48, 5));
        }

        using TdxDevice again = TdxDevice.Open(TsmBackend.EmulatedFile(_state.Path));
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA384, new byte[48], Reference.Bytes(48, 5)), again.Rtmr1.Read().ToArray());
    }

    [Fact]
    public void Several_vendors_share_one_file_like_devices_of_one_machine()
    {
        FileEmulatedBackend backend = TsmBackend.EmulatedFile(_state.Path);
        using TdxDevice tdx = TdxDevice.Open(backend);
        using GenericDevice tpm = GenericDevice.Open(TpmLike.Definition, TsmBackend.EmulatedFile(_state.Path));
        byte[] digest = SHA256.HashData("boot"u8);

        tdx.Rtmr0.Extend(Reference.Bytes(48, 6));
        tpm.Register("pcr7:sha256").Extend(digest);

        using GenericDevice tpmAgain = GenericDevice.Open(TpmLike.Definition, backend);
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA256, new byte[32], digest), tpmAgain.Register("pcr7:sha256").ReadBytes());
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA384, new byte[48], Reference.Bytes(48, 6)), tdx.Rtmr0.Read().ToArray());
        Assert.Contains("\"vendor\":\"tpm\"", File.ReadAllText(_state.Path));
        Assert.Contains("\"vendor\":\"tdx\"", File.ReadAllText(_state.Path));
    }

    [Fact]
    public void A_selected_hash_other_than_the_recorded_one_is_an_argument_error_naming_both()
    {
        TsmBackend.EmulatedFile(_state.Path, new EmulatorOptions { SelectedHash = MeasurementHash.Sha512 }).Open(CcaLike.Definition).Dispose();

        var error = Assert.Throws<ArgumentException>(() => TsmBackend.EmulatedFile(_state.Path, new EmulatorOptions { SelectedHash = MeasurementHash.Sha256 }).Open(CcaLike.Definition));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("sha512", error.Message);
        Assert.Contains("sha256", error.Message);
        Assert.Contains(_state.Path, error.Message);
    }

    [Fact]
    public void A_vendor_held_with_another_register_layout_is_a_state_error_at_the_device()
    {
        TsmBackend.EmulatedFile(_state.Path).Open(TdxDevice.Definition).Dispose();
        var other = new DeviceDefinition("tdx", "Intel TDX", TdxDevice.SysfsDirectory, SysfsEncoding.Binary,
        [
            new RegisterDefinition("rtmr0", "rtmr0:sha384", "rtmr0:sha384", 48, MeasurementHash.Sha384, RegisterFlags.Readable | RegisterFlags.Extendable | RegisterFlags.Live),
        ]);

        var error = Assert.Throws<EmulatorStateException>(() => TsmBackend.EmulatedFile(_state.Path).Open(other));

        Assert.Contains("vendor 'tdx' has 8 registers, but its definition has 1", error.Message);
        Assert.Equal(File.ReadAllText(_state.Path).IndexOf("{\"vendor\"", StringComparison.Ordinal), error.Offset);
    }

    [Fact]
    public void An_operation_that_changes_nothing_leaves_the_file_as_it_was()
    {
        using GenericDevice tpm = GenericDevice.Open(TpmLike.Definition, TsmBackend.EmulatedFile(_state.Path));
        string spaced = File.ReadAllText(_state.Path).Replace(",", ", ", StringComparison.Ordinal);
        File.WriteAllText(_state.Path, spaced);

        tpm.Register("pcr17:sha256").ReadBytes();

        Assert.Equal(spaced, File.ReadAllText(_state.Path));
        Assert.False(File.Exists(_state.Path + ".tmp"));
    }

    [Fact]
    public void Using_a_session_inside_an_edit_of_the_same_file_fails_at_once_instead_of_waiting_for_its_own_lock()
    {
        FileEmulatedBackend backend = TsmBackend.EmulatedFile(_state.Path);
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.EmulatedFile(_state.Path));

        var error = Assert.Throws<InvalidOperationException>(() => backend.Edit(TdxDevice.Definition, _ => tdx.Rtmr0.Read()));

        Assert.Contains("use the EmulatedDevice it passes", error.Message);
        Assert.Equal(new byte[48], tdx.Rtmr0.Read().ToArray());
    }

    [Fact]
    public void A_fault_that_fails_an_operation_is_consumed_in_the_file()
    {
        FileEmulatedBackend backend = TsmBackend.EmulatedFile(_state.Path);
        using TdxDevice tdx = TdxDevice.Open(backend);
        backend.Edit(TdxDevice.Definition, d => d.FailNext("rtmr0:sha384", LinuxErrno.EBUSY));

        Assert.Equal(LinuxErrno.EBUSY, Assert.ThrowsAny<TsmException>(() => TdxDevice.Open(TsmBackend.EmulatedFile(_state.Path)).Rtmr0.Extend(new byte[48])).Errno);
        tdx.Rtmr0.Extend(new byte[48]);

        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA384, new byte[48], new byte[48]), tdx.Rtmr0.Read().ToArray());
    }

    [Fact]
    public async Task Extend_all_is_one_transaction_so_no_reader_sees_one_bank_ahead_of_the_other()
    {
        const int Extends = 40;
        using MeasurementSession writer = TsmBackend.EmulatedFile(_state.Path).Open(TpmLike.Definition);
        FileEmulatedBackend reader = TsmBackend.EmulatedFile(_state.Path);
        RegisterDefinition[] pcr7 = [TpmLike.Definition.Find("pcr7:sha1"), TpmLike.Definition.Find("pcr7:sha256")];
        AgileDigest[] digests = [AgileDigest.Compute(MeasurementHash.Sha1, "e"u8), AgileDigest.Compute(MeasurementHash.Sha256, "e"u8)];
        List<byte[]> sha1Chain = Chain(HashAlgorithmName.SHA1, 20, digests[0].ToArray(), Extends);
        List<byte[]> sha256Chain = Chain(HashAlgorithmName.SHA256, 32, digests[1].ToArray(), Extends);

        var extending = Task.Run(() =>
        {
            for (int i = 0; i < Extends; i++)
            {
                writer.ExtendAll(pcr7, digests);
            }
        });
        var seen = new List<(int, int)>();
        while (!extending.IsCompleted)
        {
            seen.Add(reader.Edit(TpmLike.Definition, d => (Position(sha1Chain, d, "pcr-sha1/7", 20), Position(sha256Chain, d, "pcr-sha256/7", 32))));
        }

        await extending;
        Assert.All(seen, pair => Assert.Equal(pair.Item1, pair.Item2));
        Assert.Equal((Extends, Extends), reader.Edit(TpmLike.Definition, d => (Position(sha1Chain, d, "pcr-sha1/7", 20), Position(sha256Chain, d, "pcr-sha256/7", 32))));
    }

    [Fact]
    public void Threads_with_their_own_backends_extending_the_same_digest_end_at_the_chain_of_every_extend()
    {
        const int Threads = 4;
        const int ExtendsPerThread = 25;
        byte[] digest = SHA384.HashData("concurrent"u8);
        TsmBackend.EmulatedFile(_state.Path).Open(TdxDevice.Definition).Dispose();
        using var start = new Barrier(Threads);

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, _ =>
        {
            using TdxDevice tdx = TdxDevice.Open(TsmBackend.EmulatedFile(_state.Path));
            start.SignalAndWait();
            for (int i = 0; i < ExtendsPerThread; i++)
            {
                tdx.Rtmr3.Extend(digest);
            }
        });

        using TdxDevice check = TdxDevice.Open(TsmBackend.EmulatedFile(_state.Path));
        Assert.Equal(Chain(HashAlgorithmName.SHA384, 48, digest, Threads * ExtendsPerThread)[^1], check.Rtmr3.Read().ToArray());
    }

    [Fact]
    public void Threads_extending_their_own_registers_with_their_own_digests_each_end_at_their_own_chain()
    {
        const int ExtendsPerThread = 20;
        TsmBackend.EmulatedFile(_state.Path).Open(TdxDevice.Definition).Dispose();
        using var start = new Barrier(4);

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, rtmr =>
        {
            using TdxDevice tdx = TdxDevice.Open(TsmBackend.EmulatedFile(_state.Path));
            start.SignalAndWait();
            for (int i = 0; i < ExtendsPerThread; i++)
            {
                tdx.Register($"rtmr{rtmr}").Extend(Reference.Bytes(48, (rtmr * 1000) + i));
            }
        });

        using TdxDevice check = TdxDevice.Open(TsmBackend.EmulatedFile(_state.Path));
        for (int rtmr = 0; rtmr < 4; rtmr++)
        {
            byte[] expected = new byte[48];
            for (int i = 0; i < ExtendsPerThread; i++)
            {
                expected = Reference.Extend(HashAlgorithmName.SHA384, expected, Reference.Bytes(48, (rtmr * 1000) + i));
            }

            Assert.Equal(expected, check.Register($"rtmr{rtmr}").ReadBytes());
        }
    }

    private static List<byte[]> Chain(HashAlgorithmName hash, int size, byte[] digest, int count)
    {
        var chain = new List<byte[]> { new byte[size] };
        for (int i = 0; i < count; i++)
        {
            chain.Add(Reference.Extend(hash, chain[^1], digest));
        }

        return chain;
    }

    private static int Position(List<byte[]> chain, EmulatedDevice device, string file, int size)
    {
        byte[] text = new byte[(2 * size) + 1];
        device.ReadFile(file, 0, text);
        byte[] value = Convert.FromHexString(System.Text.Encoding.ASCII.GetString(text, 0, 2 * size));
        return chain.FindIndex(v => v.AsSpan().SequenceEqual(value));
    }
}
