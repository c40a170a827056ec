using System.Security.Cryptography;
using System.Text;
using Tsm;
using Tsm.Vendors;

namespace Tsm.Samples.Quickstart;

/// <summary>One quickstart pass over a device: the register table, one extend, and the independent check.</summary>
internal static class QuickstartRun
{
    private const string EventName = "tsm-quickstart: application started";

    public static bool Run(MeasurementDevice device, TextWriter output)
    {
        output.WriteLine($"{device.Definition.DisplayName} registers ({device.Session.Location}):");
        RegisterTable.Write(device, output);

        if (device is Tdx tdx)
        {
            return ExtendApplication(tdx, output);
        }

        // The schema's logical section names the register left to applications (TPM PCR 23, CCA REM3, the sample's
        // rtmr1); on a real TPM only the banks it has allocated exist (most have no SHA-512 bank), and the last is the strongest.
        RoleMapping? application = device.Definition.FindRole(MeasurementRole.Application);
        IMeasurementRegister? target = application is null
            ? null
            : device.Registers.LastOrDefault(r => r.Name == application.RegisterName && device.Session.IsAvailable(r.Definition));
        if (target is null)
        {
            output.WriteLine($"{device.Definition.DisplayName} maps no application register (its schema has no logical section; SEV-SNP measures at run time through a vTPM); nothing to extend.");
            return true;
        }

        return ExtendAndCheck(target, output);
    }

    /// <summary>
    /// The typed path: the application role is RTMR3 on TDX, only a SHA-384 digest fits it, and MRTD has no Extend at all.
    /// </summary>
    private static bool ExtendApplication(Tdx tdx, TextWriter output)
    {
        ExtendableRegister<Sha384Digest> application = tdx.Logical.Application;
        Sha384Digest old = application.Read();
        Sha384Digest digest = Sha384Digest.Compute(Encoding.UTF8.GetBytes(EventName));
        application.Extend(digest);
        Sha384Digest now = application.Read();

        byte[] expected = SHA384.HashData([.. old.Bytes, .. digest.Bytes]);
        return Report("rtmr3:sha384", digest.ToString(), now.ToString(), Convert.ToHexStringLower(expected), output);
    }

    /// <summary>The untyped path, for any vendor: sizes are checked at run time.</summary>
    private static bool ExtendAndCheck(IMeasurementRegister register, TextWriter output)
    {
        string algorithm = MeasurementHashInfo.KernelName(register.Hash);
        byte[] old = register.ReadBytes();
        byte[] digest = IndependentHash(algorithm, Encoding.UTF8.GetBytes(EventName));
        register.Extend(digest);
        byte[] now = register.ReadBytes();

        byte[] expected = IndependentHash(algorithm, [.. old, .. digest]);
        return Report(register.QualifiedName, Convert.ToHexStringLower(digest), Convert.ToHexStringLower(now), Convert.ToHexStringLower(expected), output);
    }

    private static byte[] IndependentHash(string kernelName, byte[] data) => kernelName switch
    {
        "sha1" => SHA1.HashData(data),
        "sha256" => SHA256.HashData(data),
        "sha384" => SHA384.HashData(data),
        "sha512" => SHA512.HashData(data),
        _ => throw new NotSupportedException($"the quickstart cannot check {kernelName} independently"),
    };

    private static bool Report(string register, string digest, string now, string expected, TextWriter output)
    {
        bool match = now == expected;
        output.WriteLine();
        output.WriteLine($"Extended {register} with H(\"{EventName}\") = {digest}");
        output.WriteLine($"  new value:            {now}");
        output.WriteLine($"  H(old || digest):     {expected}");
        output.WriteLine(match ? "  OK: the register holds H(old || digest)." : "  MISMATCH: the register does not hold H(old || digest).");
        return match;
    }
}
