using Tsm.Attestation.Configfs;

namespace Tsm.Attestation.Tests.Configfs;

/// <summary>
/// Passes every call to the model and records it, and can play another writer of the same instance: before each of
/// the first <see cref="Interferences"/> opens of outblob it stores its own inblob, as a second process sharing the
/// instance would between this process's write and its read.
/// </summary>
internal sealed class ObservedConfigfsTsm(IConfigfsTsm inner) : IConfigfsTsm
{
    private readonly Dictionary<int, string> _attributes = [];

    public List<string> Calls { get; } = [];

    public int Interferences { get; set; }

    public string Root => inner.Root;

    public int CreateInstance(string instance) => Record($"mkdir {instance}", inner.CreateInstance(instance));

    public int RemoveInstance(string instance) => Record($"rmdir {instance}", inner.RemoveInstance(instance));

    public int Open(string instance, string attribute, ConfigfsAccess access)
    {
        if (attribute == TsmReportAttributes.Outblob && Interferences > 0)
        {
            Interferences--;
            inner.StoreBytes(TsmReportAttributes.Inblob, new byte[64], instance);
        }

        int handle = Record($"open {attribute}", inner.Open(instance, attribute, access));
        _attributes[handle] = attribute;
        return handle;
    }

    public int Read(int handle, Span<byte> buffer) => inner.Read(handle, buffer);

    public int Write(int handle, ReadOnlySpan<byte> data) => Record($"write {_attributes[handle]}", inner.Write(handle, data));

    public int Close(int handle) => inner.Close(handle);

    private int Record(string call, int result)
    {
        Calls.Add(call);
        return result;
    }
}
