using System.Text;
using Tsm.Attestation.Configfs;

namespace Tsm.Attestation.Tests.Configfs;

/// <summary>The raw configfs-tsm calls the tests make, each as a shell would: open, one read or write loop, close.</summary>
internal static class ConfigfsFiles
{
    public const string Instance = "report0";

    public static readonly byte[] Nonce = [.. Enumerable.Range(1, 64).Select(i => (byte)i)];

    /// <summary>One <c>write</c> of <paramref name="text"/>; the result of the write (count or <c>-errno</c>).</summary>
    public static int Store(this IConfigfsTsm files, string attribute, string text, string instance = Instance) =>
        files.StoreBytes(attribute, Encoding.ASCII.GetBytes(text), instance);

    /// <summary>Open, one <c>write</c>, close; the result of the write.</summary>
    public static int StoreBytes(this IConfigfsTsm files, string attribute, byte[] data, string instance = Instance)
    {
        int handle = Open(files, instance, attribute, ConfigfsAccess.Write);
        int written = files.Write(handle, data);
        Assert.Equal(0, files.Close(handle));
        return written;
    }

    /// <summary>The whole of a readable attribute, or the <c>-errno</c> of its first read.</summary>
    public static (int Result, byte[] Bytes) ReadAll(this IConfigfsTsm files, string attribute, string instance = Instance)
    {
        int handle = Open(files, instance, attribute, ConfigfsAccess.Read);
        try
        {
            return files.ReadToEnd(handle);
        }
        finally
        {
            files.Close(handle);
        }
    }

    /// <summary>Reads an open handle to its end in small reads, so offset reads are exercised.</summary>
    public static (int Result, byte[] Bytes) ReadToEnd(this IConfigfsTsm files, int handle)
    {
        var bytes = new List<byte>();
        byte[] buffer = new byte[100];
        int count;
        while ((count = files.Read(handle, buffer)) > 0)
        {
            bytes.AddRange(buffer[..count]);
        }

        return (count < 0 ? count : bytes.Count, [.. bytes]);
    }

    public static string Show(this IConfigfsTsm files, string attribute, string instance = Instance)
    {
        (int result, byte[] bytes) = files.ReadAll(attribute, instance);
        Assert.True(result >= 0, $"reading {attribute} failed with {result}");
        return Encoding.ASCII.GetString(bytes);
    }

    public static ulong Generation(this IConfigfsTsm files, string instance = Instance) =>
        ulong.Parse(files.Show(TsmReportAttributes.Generation, instance).TrimEnd('\n'));

    public static byte[] Outblob(this IConfigfsTsm files, string instance = Instance)
    {
        (int result, byte[] bytes) = files.ReadAll(TsmReportAttributes.Outblob, instance);
        Assert.True(result >= 0, $"reading outblob failed with {result}");
        return bytes;
    }

    public static int Open(IConfigfsTsm files, string instance, string attribute, ConfigfsAccess access)
    {
        int handle = files.Open(instance, attribute, access);
        Assert.True(handle >= 0, $"opening {attribute} failed with {handle}");
        return handle;
    }
}
