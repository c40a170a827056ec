using System.Reflection;
using Tsm.EventLog.Tcg;

namespace Tsm.EventLog.Tests;

/// <summary>
/// The TPM backend (<c>Tsm.TpmAlgorithms</c>, internal to Tsm.Runtime) and the event-log readers
/// (<see cref="TpmAlgorithm"/>, <see cref="TpmAlgorithms"/>) each map TPM_ALG_ID values (TCG TPM 2.0 Library Part 2
/// §6.3; Linux <c>include/linux/tpm.h</c> <c>enum tpm_algorithms</c>) to <see cref="MeasurementHash"/>. They are twins
/// that cannot share code without making the runtime's table public, so these tests keep them equal.
/// </summary>
public class TpmAlgorithmAgreementTests
{
    private static readonly Type RuntimeTable = typeof(MeasurementHash).Assembly.GetType("Tsm.TpmAlgorithms", throwOnError: true)!;

    public static TheoryData<MeasurementHash> Hashes() => new(Enum.GetValues<MeasurementHash>());

    [Fact]
    public void The_runtimes_constants_are_the_event_logs_enum_by_name_and_value()
    {
        var constants = RuntimeTable.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (ushort)f.GetRawConstantValue()!);

        Assert.Equal(
            Enum.GetValues<TpmAlgorithm>().ToDictionary(a => a.ToString(), a => (ushort)a).OrderBy(p => p.Key, StringComparer.Ordinal),
            constants.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Hashes))]
    public void Both_give_an_algorithm_the_same_tpm_alg_id_or_none(MeasurementHash hash)
    {
        ushort runtimeId = RuntimeIdOf(hash);

        bool eventLogHasId = TpmAlgorithms.TryFromMeasurementHash(hash, out TpmAlgorithm eventLogId);

        Assert.Equal(runtimeId != 0, eventLogHasId);
        Assert.Equal(runtimeId, (ushort)eventLogId);
    }

    [Fact]
    public void Both_read_every_tpm_alg_id_as_the_same_algorithm_and_digest_size()
    {
        // Every 16-bit TPM_ALG_ID, so an id that only one side knows fails here.
        for (int id = 0; id <= ushort.MaxValue; id++)
        {
            var algorithm = (TpmAlgorithm)id;
            MeasurementHash runtime = RuntimeHashOf((ushort)id);

            Assert.Equal(runtime, algorithm.ToMeasurementHash());
            Assert.Equal(runtime == MeasurementHash.None ? 0 : MeasurementHashInfo.DigestSize(runtime), algorithm.KnownDigestSize());
        }
    }

    [Fact]
    public void Every_algorithm_but_sha224_has_a_tpm_bank()
    {
        // SHA-224 has no TPM_ALG_ID in the TCG Algorithm Registry; every other kernel hash has one.
        Assert.Equal(
            Enum.GetValues<MeasurementHash>().Where(h => h is not (MeasurementHash.None or MeasurementHash.Sha224)),
            Enum.GetValues<MeasurementHash>().Where(h => RuntimeIdOf(h) != 0));
    }

    private static ushort RuntimeIdOf(MeasurementHash hash) =>
        (ushort)RuntimeTable.GetMethod("IdOf", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [hash])!;

    private static MeasurementHash RuntimeHashOf(ushort id) =>
        (MeasurementHash)RuntimeTable.GetMethod("HashOf", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [id])!;
}
