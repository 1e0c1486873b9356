using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Rayzor.Interp.Loading;
using Rayzor.Interp.Natives;
using Rayzor.Mir.Ir;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Bytes;
using Rayzor.Runtime.Closures;
using Rayzor.Runtime.Dynamic;
using Rayzor.Runtime.Exceptions;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Interp.Execution;

/// <summary>The dispatch loop: one frame's decoded code run to its return.</summary>
public sealed unsafe partial class Interpreter
{
    /// The array of an `agetu`/`asetu`; an error of the optimizer (not of the program) when bce's
    /// proof that it is not null and the index is inside it was wrong.
    private static HArray* Unchecked(long array, long index, Func f)
    {
        var a = (HArray*)array;
        if (a == null || (uint)(int)index >= (uint)a->Length)
            throw new InterpreterException($"@{f.Name}: unchecked array access at {(int)index} outside the array (length {(a == null ? "null" : a->Length.ToString())})");
        return a;
    }

    private static int FToI(double x) =>
        double.IsNaN(x) ? 0 : x >= 2147483647.0 ? int.MaxValue : x <= -2147483648.0 ? int.MinValue : (int)x;

    /// <summary>
    /// The address of bytes `index .. index + width - 1` of a Bytes's data (docs/abi.md), or null when
    /// they are not all inside it (an unsigned test, so a negative index is outside too).
    /// </summary>
    private byte* Bytes(long bytes, long index, int width, long* r, int* c)
    {
        var b = (HBytes*)bytes;
        if (b == null) throw NullAccess(r, c);
        var i = (uint)(int)index;
        return (ulong)i + (ulong)width <= (uint)b->Length ? (byte*)b + HBytes.DataOffset + i : null;
    }

    private static int IRem(int a, int b) => b == 0 || b == -1 ? 0 : a % b;

    /// <summary>
    /// The dispatch loop of one frame, from <paramref name="pc"/> to its return. Without a frame
    /// (<paramref name="r"/> null) it makes one here for a call, with the arguments
    /// <c>src[ops[k]]</c>: one native frame per interpreted call.
    /// </summary>
    [SkipLocalsInit]
    private long Run(Func f, long* src, int* ops, long* r, int pc, int* traps)
    {
        if (r == null)
        {
            long* frame = stackalloc long[f.FrameSize + FrameHeader];
            frame += FrameHeader;
            Enter(f, frame, src, ops);
            r = frame;
        }
        var code = f.Code;
        var s = r + f.ScratchBase;
        var dr = (double*)r;
        // the instruction pointer itself is the loop variable (no base + offset per instruction)
        var c = code + pc;
        while (true)
        {
            switch ((Op)c[0])
            {
                case Op.IAdd: r[c[1]] = (int)r[c[2]] + (int)r[c[3]]; c += 4; break;
                case Op.ISub: r[c[1]] = (int)r[c[2]] - (int)r[c[3]]; c += 4; break;
                case Op.IMul: r[c[1]] = unchecked((int)r[c[2]] * (int)r[c[3]]); c += 4; break;
                case Op.IRem: r[c[1]] = IRem((int)r[c[2]], (int)r[c[3]]); c += 4; break;
                case Op.IAnd: r[c[1]] = (int)r[c[2]] & (int)r[c[3]]; c += 4; break;
                case Op.IOr: r[c[1]] = (int)r[c[2]] | (int)r[c[3]]; c += 4; break;
                case Op.IXor: r[c[1]] = (int)r[c[2]] ^ (int)r[c[3]]; c += 4; break;
                case Op.IShl: r[c[1]] = (int)r[c[2]] << (int)r[c[3]]; c += 4; break;
                case Op.IShr: r[c[1]] = (int)r[c[2]] >> (int)r[c[3]]; c += 4; break;
                case Op.IUShr: r[c[1]] = (int)((uint)r[c[2]] >> (int)r[c[3]]); c += 4; break;
                case Op.INeg: r[c[1]] = -(int)r[c[2]]; c += 3; break;
                case Op.INot: r[c[1]] = ~(int)r[c[2]]; c += 3; break;
                case Op.IAdd3: r[c[1]] = (int)r[c[2]] + (int)r[c[3]] + (int)r[c[4]]; c += 5; break;
                case Op.IXor3: r[c[1]] = (int)r[c[2]] ^ (int)r[c[3]] ^ (int)r[c[4]]; c += 5; break;
                case Op.IRotr: r[c[1]] = (int)BitOperations.RotateRight((uint)r[c[2]], c[3]); c += 4; break;
                case Op.FAdd: dr[c[1]] = dr[c[2]] + dr[c[3]]; c += 4; break;
                case Op.FSub: dr[c[1]] = dr[c[2]] - dr[c[3]]; c += 4; break;
                case Op.FMul: dr[c[1]] = dr[c[2]] * dr[c[3]]; c += 4; break;
                case Op.FDiv: dr[c[1]] = dr[c[2]] / dr[c[3]]; c += 4; break;
                case Op.FRem: dr[c[1]] = dr[c[2]] % dr[c[3]]; c += 4; break;
                case Op.FMin: dr[c[1]] = Math.Min(dr[c[2]], dr[c[3]]); c += 4; break;
                case Op.FMax: dr[c[1]] = Math.Max(dr[c[2]], dr[c[3]]); c += 4; break;
                case Op.FMul3: dr[c[1]] = dr[c[2]] * dr[c[3]] * dr[c[4]]; c += 5; break;
                case Op.FMulAdd: dr[c[1]] = dr[c[2]] * dr[c[3]] + dr[c[4]]; c += 5; break;
                case Op.FMulSub: dr[c[1]] = dr[c[2]] * dr[c[3]] - dr[c[4]]; c += 5; break;
                case Op.FSubMul: dr[c[1]] = dr[c[4]] - dr[c[2]] * dr[c[3]]; c += 5; break;
                case Op.FNeg: dr[c[1]] = -dr[c[2]]; c += 3; break;
                case Op.FSqrt: dr[c[1]] = Math.Sqrt(dr[c[2]]); c += 3; break;
                case Op.FFloor: dr[c[1]] = Math.Floor(dr[c[2]]); c += 3; break;
                case Op.FCeil: dr[c[1]] = Math.Ceiling(dr[c[2]]); c += 3; break;
                case Op.FAbs: dr[c[1]] = Math.Abs(dr[c[2]]); c += 3; break;
                case Op.IEq: r[c[1]] = (int)r[c[2]] == (int)r[c[3]] ? 1 : 0; c += 4; break;
                case Op.INe: r[c[1]] = (int)r[c[2]] != (int)r[c[3]] ? 1 : 0; c += 4; break;
                case Op.ILt: r[c[1]] = (int)r[c[2]] < (int)r[c[3]] ? 1 : 0; c += 4; break;
                case Op.ILe: r[c[1]] = (int)r[c[2]] <= (int)r[c[3]] ? 1 : 0; c += 4; break;
                case Op.IGt: r[c[1]] = (int)r[c[2]] > (int)r[c[3]] ? 1 : 0; c += 4; break;
                case Op.IGe: r[c[1]] = (int)r[c[2]] >= (int)r[c[3]] ? 1 : 0; c += 4; break;
                case Op.FEq: r[c[1]] = dr[c[2]] == dr[c[3]] ? 1 : 0; c += 4; break;
                case Op.FNe: r[c[1]] = dr[c[2]] != dr[c[3]] ? 1 : 0; c += 4; break;
                case Op.FLt: r[c[1]] = dr[c[2]] < dr[c[3]] ? 1 : 0; c += 4; break;
                case Op.FLe: r[c[1]] = dr[c[2]] <= dr[c[3]] ? 1 : 0; c += 4; break;
                case Op.FGt: r[c[1]] = dr[c[2]] > dr[c[3]] ? 1 : 0; c += 4; break;
                case Op.FGe: r[c[1]] = dr[c[2]] >= dr[c[3]] ? 1 : 0; c += 4; break;
                case Op.PEq: r[c[1]] = r[c[2]] == r[c[3]] ? 1 : 0; c += 4; break;
                case Op.PNe: r[c[1]] = r[c[2]] != r[c[3]] ? 1 : 0; c += 4; break;
                case Op.BNot: r[c[1]] = r[c[2]] ^ 1; c += 3; break;
                case Op.IToF: dr[c[1]] = (int)r[c[2]]; c += 3; break;
                case Op.FToI: r[c[1]] = FToI(dr[c[2]]); c += 3; break;
                case Op.Mov: r[c[1]] = r[c[2]]; c += 3; break;
                case Op.Jmp: c = code + c[1]; break;
                case Op.JmpBack:
                    if (--f.LoopsLeft <= 0 && LoopTick(f, c, r, out var replaced) is var to and not Continue)
                    {
                        if (to == Returned) return replaced;
                        c = code + to;
                        break;
                    }
                    c = code + c[1];
                    break;
                case Op.JmpMovesBack:
                {
                    var n = c[3];
                    for (var k = 0; k < n; k++) r[c[4 + 2 * k]] = r[c[5 + 2 * k]];
                    if (--f.LoopsLeft <= 0 && LoopTick(f, c, r, out var replaced2) is var to2 and not Continue)
                    {
                        if (to2 == Returned) return replaced2;
                        c = code + to2;
                        break;
                    }
                    c = code + c[1];
                    break;
                }
                case Op.JmpMoves:
                {
                    var n = c[2];
                    for (var k = 0; k < n; k++) r[c[3 + 2 * k]] = r[c[4 + 2 * k]];
                    c = code + c[1];
                    break;
                }
                case Op.BrIf: c = code + (r[c[1]] != 0 ? c[2] : c[3]); break;
                case Op.BrILt: c = code + ((int)r[c[1]] < (int)r[c[2]] ? c[3] : c[4]); break;
                case Op.BrILe: c = code + ((int)r[c[1]] <= (int)r[c[2]] ? c[3] : c[4]); break;
                case Op.BrIGt: c = code + ((int)r[c[1]] > (int)r[c[2]] ? c[3] : c[4]); break;
                case Op.BrIGe: c = code + ((int)r[c[1]] >= (int)r[c[2]] ? c[3] : c[4]); break;
                case Op.BrIEq: c = code + ((int)r[c[1]] == (int)r[c[2]] ? c[3] : c[4]); break;
                case Op.BrINe: c = code + ((int)r[c[1]] != (int)r[c[2]] ? c[3] : c[4]); break;
                case Op.BrFLt: c = code + (dr[c[1]] < dr[c[2]] ? c[3] : c[4]); break;
                case Op.BrFLe: c = code + (dr[c[1]] <= dr[c[2]] ? c[3] : c[4]); break;
                case Op.BrFGt: c = code + (dr[c[1]] > dr[c[2]] ? c[3] : c[4]); break;
                case Op.BrFGe: c = code + (dr[c[1]] >= dr[c[2]] ? c[3] : c[4]); break;
                case Op.Ret: return r[c[1]];
                case Op.RetVoid: return 0;
                case Op.Call:
                {
                    var callee = _funcs[c[2]];
                    r[c[1]] = callee.TrapCount == 0 && callee.Code != null && callee.Entry == 0 ? Run(callee, r, c + 4, null, 0, null) : CallFrom(f, callee, r, c + 4);
                    c += 4 + c[3];
                    break;
                }
                case Op.CallNative:
                {
                    var n = c[3];
                    for (var k = 0; k < n; k++) s[k] = r[c[4 + k]];
                    _outSrc = r;
                    _outOps = c + 4;
                    r[c[1]] = ((delegate*<long*, long>)NativeTable.Functions[c[2]])(s);
                    if (Pending != null) RaisePending();
                    c += 4 + n;
                    break;
                }
                case Op.VCall or Op.ICall:
                {
                    var recv = r[c[4]];
                    if (recv == 0) throw NullAccess(r, c);
                    // the callee's index, kept before the receiver's descriptor (Image.DescPrefix)
                    var td = *(int***)recv;
                    var index = td[(Op)c[0] == Op.VCall ? Image.VFuncs : Image.IFuncs][c[2]];
                    if (index < 0) throw Fault(f, FaultKind.MissingMethod, c[2], (nint)td);
                    var callee = _funcs[index];
                    r[c[1]] = callee.TrapCount == 0 && callee.Code != null && callee.Entry == 0 ? Run(callee, r, c + 4, null, 0, null) : CallFrom(f, callee, r, c + 4);
                    c += 4 + c[3];
                    break;
                }
                case Op.CallClosure:
                {
                    var n = c[3];
                    var clo = (HClosure*)r[c[4]];
                    if (clo == null) throw NullAccess(r, c);
                    var fn = (nint)clo->Fn;
                    var site = f.Sites[c[2]];
                    var callee = site.Code == fn ? site.Target! : Resolve(site, fn);
                    s[0] = (long)clo->Env;
                    for (var k = 1; k < n; k++) s[k] = r[c[4 + k]];
                    s[-2] = (long)r;
                    s[-1] = (long)c;
                    r[c[1]] = Call(callee, s, _closureIdentity);
                    c += 4 + n;
                    break;
                }
                case Op.DynCall:
                {
                    // rz_dyn_entry checks the value and gives its descriptor's adapter (it throws "Cannot call ...")
                    var fv = r[c[3]];
                    var fn = (nint)DynCall.Entry((void*)fv);
                    var site = f.Sites[c[2]];
                    var callee = site.Code == fn ? site.Target! : Resolve(site, fn);
                    s[0] = fv;
                    s[1] = r[c[4]];
                    s[-2] = (long)r;
                    s[-1] = (long)c;
                    r[c[1]] = Call(callee, s, _closureIdentity);
                    c += 5;
                    break;
                }
                case Op.GLoad: r[c[1]] = Image.Globals[c[2]]; c += 3; break;
                case Op.GLoadI32: r[c[1]] = *(int*)(Image.Globals + c[2]); c += 3; break;
                case Op.GStore: Image.Globals[c[1]] = r[c[2]]; c += 3; break;
                case Op.ALen:
                {
                    var a = (HArray*)r[c[2]];
                    if (a == null) throw NullAccess(r, c);
                    r[c[1]] = a->Length;
                    c += 3;
                    break;
                }
                case Op.SLen:
                {
                    var str = (HString*)r[c[2]];
                    if (str == null) throw NullAccess(r, c);
                    r[c[1]] = str->Length;
                    c += 3;
                    break;
                }
                case Op.AGetI32:
                {
                    var a = (HArray*)r[c[2]];
                    if (a == null) throw NullAccess(r, c);
                    var i = (int)r[c[3]];
                    r[c[1]] = (uint)i < (uint)a->Length ? ((int*)a->Data)[i] : 0;
                    c += 4;
                    break;
                }
                case Op.AGetF64: // 8-byte elements, as bits
                case Op.AGetPtr:
                {
                    var a = (HArray*)r[c[2]];
                    if (a == null) throw NullAccess(r, c);
                    var i = (int)r[c[3]];
                    r[c[1]] = (uint)i < (uint)a->Length ? ((long*)a->Data)[i] : 0;
                    c += 4;
                    break;
                }
                case Op.AGetBool:
                {
                    var a = (HArray*)r[c[2]];
                    if (a == null) throw NullAccess(r, c);
                    var i = (int)r[c[3]];
                    r[c[1]] = (uint)i < (uint)a->Length && ((byte*)a->Data)[i] != 0 ? 1 : 0;
                    c += 4;
                    break;
                }
                case Op.ASetI32:
                {
                    var a = (HArray*)r[c[1]];
                    if (a == null) throw NullAccess(r, c);
                    var i = (int)r[c[2]];
                    if ((uint)i < (uint)a->Length) ((int*)a->Data)[i] = (int)r[c[3]];
                    else ArrayOps.SetI32(a, i, (int)r[c[3]]);
                    c += 4;
                    break;
                }
                case Op.ASetF64:
                {
                    var a = (HArray*)r[c[1]];
                    if (a == null) throw NullAccess(r, c);
                    var i = (int)r[c[2]];
                    if ((uint)i < (uint)a->Length) ((double*)a->Data)[i] = dr[c[3]];
                    else ArrayOps.SetF64(a, i, dr[c[3]]);
                    c += 4;
                    break;
                }
                case Op.ASetPtr:
                {
                    var a = (HArray*)r[c[1]];
                    if (a == null) throw NullAccess(r, c);
                    var i = (int)r[c[2]];
                    if ((uint)i < (uint)a->Length) ((long*)a->Data)[i] = r[c[3]];
                    else ArrayOps.SetPtr(a, i, (void*)r[c[3]]);
                    c += 4;
                    break;
                }
                case Op.ASetBool:
                {
                    var a = (HArray*)r[c[1]];
                    if (a == null) throw NullAccess(r, c);
                    var i = (int)r[c[2]];
                    if ((uint)i < (uint)a->Length) ((byte*)a->Data)[i] = (byte)(r[c[3]] != 0 ? 1 : 0);
                    else ArrayOps.SetBool(a, i, r[c[3]] != 0);
                    c += 4;
                    break;
                }
                case Op.AGetUI32:
                {
                    var a = Unchecked(r[c[2]], r[c[3]], f);
                    r[c[1]] = ((int*)a->Data)[(int)r[c[3]]];
                    c += 4;
                    break;
                }
                case Op.AGetU64:
                {
                    var a = Unchecked(r[c[2]], r[c[3]], f);
                    r[c[1]] = ((long*)a->Data)[(int)r[c[3]]];
                    c += 4;
                    break;
                }
                case Op.AGetUBool:
                {
                    var a = Unchecked(r[c[2]], r[c[3]], f);
                    r[c[1]] = ((byte*)a->Data)[(int)r[c[3]]] != 0 ? 1 : 0;
                    c += 4;
                    break;
                }
                case Op.ASetUI32:
                {
                    var a = Unchecked(r[c[1]], r[c[2]], f);
                    ((int*)a->Data)[(int)r[c[2]]] = (int)r[c[3]];
                    c += 4;
                    break;
                }
                case Op.ASetU64: // a double's bits or a pointer
                {
                    var a = Unchecked(r[c[1]], r[c[2]], f);
                    ((long*)a->Data)[(int)r[c[2]]] = r[c[3]];
                    c += 4;
                    break;
                }
                case Op.ASetUBool:
                {
                    var a = Unchecked(r[c[1]], r[c[2]], f);
                    ((byte*)a->Data)[(int)r[c[2]]] = (byte)(r[c[3]] != 0 ? 1 : 0);
                    c += 4;
                    break;
                }
                case Op.VSetI32:
                {
                    var a = (HArray*)r[c[1]];
                    if (a == null) throw NullAccess(r, c);
                    var i = (int)r[c[2]];
                    if ((uint)i < (uint)a->Length) ((int*)a->Data)[i] = (int)r[c[3]];
                    c += 4;
                    break;
                }
                case Op.VSetF64 or Op.VSetPtr:
                {
                    var a = (HArray*)r[c[1]];
                    if (a == null) throw NullAccess(r, c);
                    var i = (int)r[c[2]];
                    if ((uint)i < (uint)a->Length) ((long*)a->Data)[i] = r[c[3]];
                    c += 4;
                    break;
                }
                case Op.VSetBool:
                {
                    var a = (HArray*)r[c[1]];
                    if (a == null) throw NullAccess(r, c);
                    var i = (int)r[c[2]];
                    if ((uint)i < (uint)a->Length) ((byte*)a->Data)[i] = (byte)(r[c[3]] != 0 ? 1 : 0);
                    c += 4;
                    break;
                }
                case Op.BGetU8:
                {
                    var p = Bytes(r[c[2]], r[c[3]], 1, r, c);
                    r[c[1]] = p != null ? *p : 0;
                    c += 4;
                    break;
                }
                case Op.BGetU16:
                {
                    var p = Bytes(r[c[2]], r[c[3]], 2, r, c);
                    r[c[1]] = p != null ? Unsafe.ReadUnaligned<ushort>(p) : 0;
                    c += 4;
                    break;
                }
                case Op.BGetI32:
                {
                    var p = Bytes(r[c[2]], r[c[3]], 4, r, c);
                    r[c[1]] = p != null ? Unsafe.ReadUnaligned<int>(p) : 0;
                    c += 4;
                    break;
                }
                case Op.BGetF32:
                {
                    var p = Bytes(r[c[2]], r[c[3]], 4, r, c);
                    dr[c[1]] = p != null ? Unsafe.ReadUnaligned<float>(p) : 0;
                    c += 4;
                    break;
                }
                case Op.BGetF64:
                {
                    var p = Bytes(r[c[2]], r[c[3]], 8, r, c);
                    r[c[1]] = p != null ? Unsafe.ReadUnaligned<long>(p) : 0;
                    c += 4;
                    break;
                }
                case Op.BCheck:
                {
                    var width = (ByteWidth)c[3] switch { ByteWidth.U8 => 1, ByteWidth.U16 => 2, ByteWidth.I32 or ByteWidth.F32 => 4, _ => 8 };
                    if (Bytes(r[c[1]], r[c[2]], width, r, c) == null)
                        throw new InterpreterException($"@{f.Name}: unchecked bytes access at {(int)r[c[2]]} outside the bytes (length {((HBytes*)r[c[1]])->Length})");
                    c += 4;
                    break;
                }
                case Op.BSetU8:
                {
                    var p = Bytes(r[c[1]], r[c[2]], 1, r, c);
                    if (p != null) *p = (byte)r[c[3]];
                    c += 4;
                    break;
                }
                case Op.BSetU16:
                {
                    var p = Bytes(r[c[1]], r[c[2]], 2, r, c);
                    if (p != null) Unsafe.WriteUnaligned(p, (ushort)r[c[3]]);
                    c += 4;
                    break;
                }
                case Op.BSetI32:
                {
                    var p = Bytes(r[c[1]], r[c[2]], 4, r, c);
                    if (p != null) Unsafe.WriteUnaligned(p, (int)r[c[3]]);
                    c += 4;
                    break;
                }
                case Op.BSetF32:
                {
                    var p = Bytes(r[c[1]], r[c[2]], 4, r, c);
                    if (p != null) Unsafe.WriteUnaligned(p, (float)dr[c[3]]);
                    c += 4;
                    break;
                }
                case Op.BSetF64:
                {
                    var p = Bytes(r[c[1]], r[c[2]], 8, r, c);
                    if (p != null) Unsafe.WriteUnaligned(p, r[c[3]]);
                    c += 4;
                    break;
                }
                case Op.New:
                {
                    r[c[1]] = (long)NewObject(c[2]);
                    c += 3;
                    break;
                }
                case Op.Alloc: r[c[1]] = (long)Allocate(c[2]); c += 3; break;
                case Op.Closure:
                {
                    r[c[1]] = (long)NewClosure(_funcs[c[2]], (void*)r[c[3]]);
                    c += 4;
                    break;
                }
                case Op.GetI32:
                {
                    var o = (byte*)r[c[2]];
                    if (o == null) throw NullAccess(r, c);
                    r[c[1]] = *(int*)(o + c[3]);
                    c += 4;
                    break;
                }
                case Op.GetF64 or Op.GetPtr:
                {
                    var o = (byte*)r[c[2]];
                    if (o == null) throw NullAccess(r, c);
                    r[c[1]] = *(long*)(o + c[3]);
                    c += 4;
                    break;
                }
                case Op.GetBool:
                {
                    var o = (byte*)r[c[2]];
                    if (o == null) throw NullAccess(r, c);
                    r[c[1]] = o[c[3]] != 0 ? 1 : 0;
                    c += 4;
                    break;
                }
                case Op.SetI32:
                {
                    var o = (byte*)r[c[1]];
                    if (o == null) throw NullAccess(r, c);
                    *(int*)(o + c[2]) = (int)r[c[3]];
                    c += 4;
                    break;
                }
                case Op.SetF64 or Op.SetPtr:
                {
                    var o = (byte*)r[c[1]];
                    if (o == null) throw NullAccess(r, c);
                    *(long*)(o + c[2]) = r[c[3]];
                    c += 4;
                    break;
                }
                case Op.FFldAdd:
                {
                    var o = (byte*)r[c[1]];
                    if (o == null) throw NullAccess(r, c);
                    *(double*)(o + c[2]) += dr[c[3]];
                    c += 4;
                    break;
                }
                case Op.FFldSub:
                {
                    var o = (byte*)r[c[1]];
                    if (o == null) throw NullAccess(r, c);
                    *(double*)(o + c[2]) -= dr[c[3]];
                    c += 4;
                    break;
                }
                case Op.FFldAddMul:
                {
                    var o = (byte*)r[c[1]];
                    if (o == null) throw NullAccess(r, c);
                    var p = (double*)(o + c[2]);
                    *p = dr[c[3]] * dr[c[4]] + *p;
                    c += 5;
                    break;
                }
                case Op.FFldSubMul:
                {
                    var o = (byte*)r[c[1]];
                    if (o == null) throw NullAccess(r, c);
                    var p = (double*)(o + c[2]);
                    *p -= dr[c[3]] * dr[c[4]];
                    c += 5;
                    break;
                }
                case Op.SetBool:
                {
                    var o = (byte*)r[c[1]];
                    if (o == null) throw NullAccess(r, c);
                    o[c[2]] = (byte)(r[c[3]] != 0 ? 1 : 0);
                    c += 4;
                    break;
                }
                case Op.Try:
                    if (traps[0] >= f.TrapCount) throw Fault(f, FaultKind.TooManyTraps, 0, 0);
                    traps[++traps[0]] = c[2];
                    c = code + c[1];
                    break;
                case Op.TrapPop:
                    if (traps != null && traps[0] > 0) traps[0]--;
                    c += 1;
                    break;
                case Op.ExceptionValue: r[c[1]] = (long)*_exception; c += 2; break;
                case Op.Throw: throw Throw((void*)r[c[1]], r, c + 4);
                case Op.Unreachable: throw Fault(f, FaultKind.Unreachable, 0, 0);
                case Op.MissingNative: throw Fault(f, FaultKind.MissingNative, c[1], 0);
                default: throw Fault(f, FaultKind.BadOpcode, c[0], (nint)(c - code));
            }
        }
    }
}
