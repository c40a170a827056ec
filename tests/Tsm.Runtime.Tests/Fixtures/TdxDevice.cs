namespace Tsm.Runtime.Tests.Fixtures;

/// <summary>
/// Intel TDX as the v6.16 tdx-guest driver registers it with tsm-mr (<c>drivers/virt/coco/tdx-guest/tdx-guest.c</c> <c>tdx_mrs[]</c>), written the way the
/// generator emits a device class: a definition plus one typed property per register.
/// </summary>
public sealed class TdxDevice : MeasurementDevice
{
    public const string SysfsDirectory = "/sys/class/misc/tdx_guest/measurements";

    public static new readonly DeviceDefinition Definition = new(
        "tdx",
        "Intel TDX",
        SysfsDirectory,
        SysfsEncoding.Binary,
        [
            Rtmr(0), Rtmr(1), Rtmr(2), Rtmr(3),
            new RegisterDefinition("mrtd", "mrtd:sha384", "mrtd:sha384", 48, MeasurementHash.Sha384, RegisterFlags.Readable) { CcMrIndex = 0 },
            Opaque("mrconfigid"),
            Opaque("mrowner"),
            Opaque("mrownerconfig"),
        ]);

    private TdxDevice(MeasurementSession session)
        : base(session)
    {
        IReadOnlyList<RegisterDefinition> r = session.Definition.Registers;
        Rtmr0 = new ExtendableRegister<Sha384Digest>(session, r[0]);
        Rtmr1 = new ExtendableRegister<Sha384Digest>(session, r[1]);
        Rtmr2 = new ExtendableRegister<Sha384Digest>(session, r[2]);
        Rtmr3 = new ExtendableRegister<Sha384Digest>(session, r[3]);
        MrTd = new ReadOnlyRegister<Sha384Digest>(session, r[4]);
        MrConfigId = new ReadOnlyRegister<Opaque48>(session, r[5]);
        MrOwner = new ReadOnlyRegister<Opaque48>(session, r[6]);
        MrOwnerConfig = new ReadOnlyRegister<Opaque48>(session, r[7]);
    }

    public ExtendableRegister<Sha384Digest> Rtmr0 { get; }

    public ExtendableRegister<Sha384Digest> Rtmr1 { get; }

    public ExtendableRegister<Sha384Digest> Rtmr2 { get; }

    public ExtendableRegister<Sha384Digest> Rtmr3 { get; }

    public ReadOnlyRegister<Sha384Digest> MrTd { get; }

    public ReadOnlyRegister<Opaque48> MrConfigId { get; }

    public ReadOnlyRegister<Opaque48> MrOwner { get; }

    public ReadOnlyRegister<Opaque48> MrOwnerConfig { get; }

    public static TdxDevice Open() => new(TsmBackend.Detect(Definition));

    public static TdxDevice Open(TsmBackend backend) => new(backend.Open(Definition));

    private static RegisterDefinition Rtmr(int index) =>
        new($"rtmr{index}", $"rtmr{index}:sha384", $"rtmr{index}:sha384", 48, MeasurementHash.Sha384, RegisterFlags.Readable | RegisterFlags.Extendable | RegisterFlags.Live)
        {
            ArrayName = "rtmr",
            Index = index,
            CcMrIndex = index + 1,
        };

    private static RegisterDefinition Opaque(string name) =>
        new(name, name, name, 48, MeasurementHash.None, RegisterFlags.Readable | RegisterFlags.NoHash);
}
