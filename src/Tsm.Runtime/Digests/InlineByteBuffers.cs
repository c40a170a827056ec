using System.Runtime.CompilerServices;

namespace Tsm;

// Fixed-size inline storage for the value structs: one buffer per distinct value size, so every value type is
// exactly as large as the register it mirrors and can be reinterpreted as its bytes without copying.

/// <summary>20 inline bytes (SHA-1).</summary>
[InlineArray(20)]
internal struct InlineBytes20
{
    private byte _first;
}

/// <summary>28 inline bytes (SHA-224).</summary>
[InlineArray(28)]
internal struct InlineBytes28
{
    private byte _first;
}

/// <summary>32 inline bytes (SHA-256, SM3, SHA3-256, 32-byte opaque values).</summary>
[InlineArray(32)]
internal struct InlineBytes32
{
    private byte _first;
}

/// <summary>48 inline bytes (SHA-384, SHA3-384, TDX NOHASH registers).</summary>
[InlineArray(48)]
internal struct InlineBytes48
{
    private byte _first;
}

/// <summary>64 inline bytes (SHA-512, SHA3-512, 64-byte opaque values, <see cref="AgileDigest"/>).</summary>
[InlineArray(64)]
internal struct InlineBytes64
{
    private byte _first;
}
