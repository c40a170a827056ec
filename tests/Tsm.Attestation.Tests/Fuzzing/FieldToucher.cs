namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>
/// A visitor that reads every byte of every field it is given and folds them into a checksum, so that no read can be
/// skipped, and that checks nested layouts open and close in pairs.
/// </summary>
internal sealed class FieldToucher : IReportFieldVisitor
{
    private int _depth;

    public ulong Checksum { get; private set; }

    public int Fields { get; private set; }

    public void Integer(string name, ulong value)
    {
        Fields++;
        Checksum = (Checksum * 31) + value + (ulong)name.Length;
    }

    public void Bytes(string name, ReadOnlySpan<byte> value)
    {
        Fields++;
        foreach (byte b in value)
        {
            Checksum = (Checksum * 31) + b;
        }

        Checksum += (ulong)name.Length;
    }

    public void BeginNested(string name, string typeName)
    {
        _depth++;
        Checksum += (ulong)(name.Length + typeName.Length);
    }

    public void EndNested()
    {
        if (--_depth < 0)
        {
            throw new FuzzPropertyException("VisitFields ended a nested layout it had not begun.");
        }
    }

    /// <summary>Throws unless every nested layout that began has ended.</summary>
    public void RequireBalanced()
    {
        if (_depth != 0)
        {
            throw new FuzzPropertyException($"VisitFields left {_depth} nested layout(s) open.");
        }
    }
}
