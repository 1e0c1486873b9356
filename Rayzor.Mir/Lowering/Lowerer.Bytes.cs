using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// The primitives under Rayzor's `haxe.io.Bytes` (Rayzor.Runtime/haxe/_std/rayzor/BytesAccess.hx):
/// loads and stores become inline `bget`/`bset`, bulk operations and allocation runtime natives
/// (docs/abi.md, Bytes). `haxe.io.Bytes` checks the ranges of the bulk operations.
public sealed partial class Lowerer
{
    /// Byte offset of a Bytes's `length` (its only field); the data follows the header at 16.
    private const int BytesLengthOffset = 8, BytesHeaderSize = 16;

    private ValueId LowerBytesAccess(TCall call, FieldSymbol f)
    {
        var a = call.Args;
        ValueId P(int i) => LowerValue(a[i]);
        const MirType Ptr = MirType.Ptr, I32 = MirType.I32;
        switch (f.Name)
        {
            case "alloc": return Native("rz_bytes_alloc", Ptr, [Ptr, I32], BytesDescriptor(call), P(0));
            case "ofString": return Native("rz_bytes_of_string", Ptr, [Ptr, Ptr, MirType.Bool], BytesDescriptor(call), P(0), P(1));
            case "getString": return Native("rz_bytes_get_string", Ptr, [Ptr, I32, I32, MirType.Bool], P(0), P(1), P(2), P(3));
            case "blit": Native("rz_bytes_blit", MirType.Void, [Ptr, I32, Ptr, I32, I32], P(0), P(1), P(2), P(3), P(4)); return ValueId.None;
            case "fill": Native("rz_bytes_fill", MirType.Void, [Ptr, I32, I32, I32], P(0), P(1), P(2), P(3)); return ValueId.None;
        }
        // getU8/setU8 ... getF64/setF64: the width is the name's suffix
        ByteWidth? width = f.Name.Length > 3 ? f.Name[3..] switch
        {
            "U8" => ByteWidth.U8, "U16" => ByteWidth.U16, "I32" => ByteWidth.I32, "F32" => ByteWidth.F32, "F64" => ByteWidth.F64,
            _ => null,
        } : null;
        if (width is { } w && f.Name.StartsWith("get")) return _b.BGet(w, P(0), P(1));
        if (width is { } ws && f.Name.StartsWith("set"))
        {
            var bytes = P(0);
            var index = P(1);
            _b.BSet(ws, bytes, index, P(2));
            return ValueId.None;
        }
        Error(call.Span, $"{f.FullName} is not supported yet");
        return ZeroValue(MirTypeOf(call.Type));
    }

    /// The descriptor of `haxe.io.Bytes` (the result type of the call), after checking that its
    /// layout is the one the runtime assumes: `length` alone, the data right after the header.
    private ValueId BytesDescriptor(TCall call)
    {
        if (call.Type.Follow() is not TInst { Class: var c }) throw new InvalidOperationException("BytesAccess result is not a class");
        var layout = LayoutOf(c);
        if (layout.Mir.Size > BytesHeaderSize || layout.Fields.Count != 1
            || !layout.Fields.TryGetValue("length", out var len) || len != (BytesLengthOffset, MirType.I32))
            Error(call.Span, $"{c.FullName} must have `length:Int` as its only variable: its bytes follow the header");
        return _b.TypeDesc(c.FullName);
    }
}
