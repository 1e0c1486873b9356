using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Rayzor.Interp.Loading;
using Rayzor.Interp.Natives;
using Rayzor.Mir.Ir;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Closures;
using Rayzor.Runtime.Exceptions;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Interp.Execution;

/// <summary>
/// Runs a MIR module in this process (`rayzor run --interp`), over the runtime's own code and
/// object layout. A frame is one 64-bit slot per SSA value, allocated on the native stack (which
/// the collector scans); calls recurse on the C# stack; a Haxe `throw` is a .NET exception
/// (<see cref="HaxeThrow"/>) caught by the frame whose innermost trap is open.
/// </summary>
public sealed unsafe class Interpreter
{
    internal static Interpreter? Current { get; private set; }

    internal Image Image { get; }

    /// <summary>An exception raised while native code had called into the interpreter (see Thunk).</summary>
    internal ExceptionDispatchInfo? Pending;

    // the value being thrown or handled, where the collector sees it
    private readonly void** _exception;
    private readonly HString* _nullAccess;
    private readonly Func[] _funcs;

    private Interpreter(Image image)
    {
        Image = image;
        _funcs = image.Functions;
        _exception = (void**)BoehmRoots.Allocate(8);
        _nullAccess = HString.Permanent("Null access");
    }

    /// <summary>
    /// Loads <paramref name="module"/>, runs its entry function (static initializers, then main)
    /// and flushes stdout; returns the exit code. `Sys.exit` and an uncaught exception end the
    /// process from the runtime, as in a native program.
    /// </summary>
    public static int Run(MirModule module, string programName, IReadOnlyList<string> args)
    {
        if (Current != null) throw new InvalidOperationException("one interpreted program per process");
        NativeLibraries.Register();
        var image = new Image(module);
        image.Load(programName, args);
        var interp = new Interpreter(image);
        Current = interp;
        Traps.ThrowHook = &RuntimeThrow;
        var entry = image.FindFunction(module.EntryFunction) ?? throw new InterpreterException($"no entry function @{module.EntryFunction}");
        // a thread of its own: an interpreted call takes a few hundred bytes of native stack, so the
        // main thread's 8 MB would allow far less recursion than a native program has
        ExceptionDispatchInfo? error = null;
        BoehmThreads.AllowRegistration();
        var thread = new Thread(() =>
        {
            try
            {
                BoehmThreads.RegisterCurrent();
                interp.SetStackLimit(StackSize);
                interp.Execute(entry, null);
            }
            catch (HaxeThrow)
            {
                Traps.Uncaught(*interp._exception);
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                Output.Flush();
            }
        }, StackSize);
        thread.Start();
        thread.Join();
        error?.Throw();
        return 0;
    }

    /// <summary>The interpreter thread's stack: reserved, committed by the OS as it is used.</summary>
    private const int StackSize = 1 << 30;

    /// <summary>A throw raised inside the runtime (null access): becomes the interpreter's exception.</summary>
    private static void RuntimeThrow(void* value) => throw Current!.Throw(value);

    private HaxeThrow Throw(void* value)
    {
        *_exception = value;
        return new HaxeThrow();
    }

    private HaxeThrow NullAccess() => Throw(_nullAccess);

    // the lowest address frames may use: the main thread's stack limit less a margin for the runtime's own frames
    private nint _stackLimit;

    /// <summary>Too deep a recursion: a Haxe exception, `"Stack overflow"` (HashLink's message), instead of a crash.</summary>
    private HaxeThrow StackOverflow() => Throw(HString.Permanent("Stack overflow"));

    /// <summary>Sets the lowest address frames may use, measured from a frame near the top of this thread's stack.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetStackLimit(long size)
    {
        var here = stackalloc byte[1];
        _stackLimit = (nint)here - (nint)size + 1024 * 1024;
    }

    /// <summary>Calls <paramref name="f"/> with its arguments in 64-bit slots; returns its result the same way.</summary>
    [SkipLocalsInit]
    internal long Execute(Func f, long* args)
    {
        if (f.Code == null) Decoder.Decode(Image, f);
        var r = stackalloc long[f.FrameSize];
        if ((nint)r < _stackLimit) throw StackOverflow();
        for (var k = 0; k < f.ConstantCount; k++) r[f.Constants[2 * k]] = f.Constants[2 * k + 1];
        var n = f.Mir.ParamTypes.Count;
        for (var k = 0; k < n; k++) r[f.ParamSlots[k]] = args[k];
        if (f.TrapCount == 0) return Run(f, r, 0, null);
        // traps[0] is the depth, traps[1..] the handlers' code offsets
        var traps = stackalloc int[f.TrapCount + 1];
        traps[0] = 0;
        var pc = 0;
        while (true)
        {
            try
            {
                return Run(f, r, pc, traps);
            }
            catch (HaxeThrow) when (traps[0] > 0)
            {
                pc = traps[traps[0]--];
            }
        }
    }

    private void RaisePending()
    {
        var p = Pending!;
        Pending = null;
        p.Throw();
    }

    private Func Resolve(CallSite site, nint code)
    {
        var target = Image.FunctionAt(code);
        site.Code = code;
        site.Target = target;
        return target;
    }

    private static double D(long* r, int slot) => ((double*)r)[slot];

    private static int FToI(double x) =>
        double.IsNaN(x) ? 0 : x >= 2147483647.0 ? int.MaxValue : x <= -2147483648.0 ? int.MinValue : (int)x;

    private static int IRem(int a, int b) => b == 0 || b == -1 ? 0 : a % b;

    /// <summary>The dispatch loop of one frame, from <paramref name="pc"/> to its return.</summary>
    [SkipLocalsInit]
    private long Run(Func f, long* r, int pc, int* traps)
    {
        var code = f.Code;
        var s = r + f.ScratchBase;
        var dr = (double*)r;
        while (true)
        {
            var c = code + pc;
            switch ((Op)c[0])
            {
                case Op.IAdd: r[c[1]] = (int)r[c[2]] + (int)r[c[3]]; pc += 4; break;
                case Op.ISub: r[c[1]] = (int)r[c[2]] - (int)r[c[3]]; pc += 4; break;
                case Op.IMul: r[c[1]] = unchecked((int)r[c[2]] * (int)r[c[3]]); pc += 4; break;
                case Op.IRem: r[c[1]] = IRem((int)r[c[2]], (int)r[c[3]]); pc += 4; break;
                case Op.IAnd: r[c[1]] = (int)r[c[2]] & (int)r[c[3]]; pc += 4; break;
                case Op.IOr: r[c[1]] = (int)r[c[2]] | (int)r[c[3]]; pc += 4; break;
                case Op.IXor: r[c[1]] = (int)r[c[2]] ^ (int)r[c[3]]; pc += 4; break;
                case Op.IShl: r[c[1]] = (int)r[c[2]] << (int)r[c[3]]; pc += 4; break;
                case Op.IShr: r[c[1]] = (int)r[c[2]] >> (int)r[c[3]]; pc += 4; break;
                case Op.IUShr: r[c[1]] = (int)((uint)r[c[2]] >> (int)r[c[3]]); pc += 4; break;
                case Op.INeg: r[c[1]] = -(int)r[c[2]]; pc += 3; break;
                case Op.INot: r[c[1]] = ~(int)r[c[2]]; pc += 3; break;
                case Op.FAdd: dr[c[1]] = dr[c[2]] + dr[c[3]]; pc += 4; break;
                case Op.FSub: dr[c[1]] = dr[c[2]] - dr[c[3]]; pc += 4; break;
                case Op.FMul: dr[c[1]] = dr[c[2]] * dr[c[3]]; pc += 4; break;
                case Op.FDiv: dr[c[1]] = dr[c[2]] / dr[c[3]]; pc += 4; break;
                case Op.FRem: dr[c[1]] = dr[c[2]] % dr[c[3]]; pc += 4; break;
                case Op.FMin: dr[c[1]] = Math.Min(dr[c[2]], dr[c[3]]); pc += 4; break;
                case Op.FMax: dr[c[1]] = Math.Max(dr[c[2]], dr[c[3]]); pc += 4; break;
                case Op.FNeg: dr[c[1]] = -dr[c[2]]; pc += 3; break;
                case Op.FSqrt: dr[c[1]] = Math.Sqrt(dr[c[2]]); pc += 3; break;
                case Op.FFloor: dr[c[1]] = Math.Floor(dr[c[2]]); pc += 3; break;
                case Op.FCeil: dr[c[1]] = Math.Ceiling(dr[c[2]]); pc += 3; break;
                case Op.FAbs: dr[c[1]] = Math.Abs(dr[c[2]]); pc += 3; break;
                case Op.IEq: r[c[1]] = (int)r[c[2]] == (int)r[c[3]] ? 1 : 0; pc += 4; break;
                case Op.INe: r[c[1]] = (int)r[c[2]] != (int)r[c[3]] ? 1 : 0; pc += 4; break;
                case Op.ILt: r[c[1]] = (int)r[c[2]] < (int)r[c[3]] ? 1 : 0; pc += 4; break;
                case Op.ILe: r[c[1]] = (int)r[c[2]] <= (int)r[c[3]] ? 1 : 0; pc += 4; break;
                case Op.IGt: r[c[1]] = (int)r[c[2]] > (int)r[c[3]] ? 1 : 0; pc += 4; break;
                case Op.IGe: r[c[1]] = (int)r[c[2]] >= (int)r[c[3]] ? 1 : 0; pc += 4; break;
                case Op.FEq: r[c[1]] = dr[c[2]] == dr[c[3]] ? 1 : 0; pc += 4; break;
                case Op.FNe: r[c[1]] = dr[c[2]] != dr[c[3]] ? 1 : 0; pc += 4; break;
                case Op.FLt: r[c[1]] = dr[c[2]] < dr[c[3]] ? 1 : 0; pc += 4; break;
                case Op.FLe: r[c[1]] = dr[c[2]] <= dr[c[3]] ? 1 : 0; pc += 4; break;
                case Op.FGt: r[c[1]] = dr[c[2]] > dr[c[3]] ? 1 : 0; pc += 4; break;
                case Op.FGe: r[c[1]] = dr[c[2]] >= dr[c[3]] ? 1 : 0; pc += 4; break;
                case Op.PEq: r[c[1]] = r[c[2]] == r[c[3]] ? 1 : 0; pc += 4; break;
                case Op.PNe: r[c[1]] = r[c[2]] != r[c[3]] ? 1 : 0; pc += 4; break;
                case Op.BNot: r[c[1]] = r[c[2]] ^ 1; pc += 3; break;
                case Op.IToF: dr[c[1]] = (int)r[c[2]]; pc += 3; break;
                case Op.FToI: r[c[1]] = FToI(dr[c[2]]); pc += 3; break;
                case Op.Jmp: pc = c[1]; break;
                case Op.JmpMoves:
                {
                    var n = c[2];
                    for (var k = 0; k < n; k++) r[c[3 + 2 * k]] = r[c[4 + 2 * k]];
                    pc = c[1];
                    break;
                }
                case Op.BrIf: pc = r[c[1]] != 0 ? c[2] : c[3]; break;
                case Op.BrILt: pc = (int)r[c[1]] < (int)r[c[2]] ? c[3] : c[4]; break;
                case Op.BrILe: pc = (int)r[c[1]] <= (int)r[c[2]] ? c[3] : c[4]; break;
                case Op.BrIGt: pc = (int)r[c[1]] > (int)r[c[2]] ? c[3] : c[4]; break;
                case Op.BrIGe: pc = (int)r[c[1]] >= (int)r[c[2]] ? c[3] : c[4]; break;
                case Op.BrIEq: pc = (int)r[c[1]] == (int)r[c[2]] ? c[3] : c[4]; break;
                case Op.BrINe: pc = (int)r[c[1]] != (int)r[c[2]] ? c[3] : c[4]; break;
                case Op.BrFLt: pc = dr[c[1]] < dr[c[2]] ? c[3] : c[4]; break;
                case Op.BrFLe: pc = dr[c[1]] <= dr[c[2]] ? c[3] : c[4]; break;
                case Op.BrFGt: pc = dr[c[1]] > dr[c[2]] ? c[3] : c[4]; break;
                case Op.BrFGe: pc = dr[c[1]] >= dr[c[2]] ? c[3] : c[4]; break;
                case Op.Ret: return r[c[1]];
                case Op.RetVoid: return 0;
                case Op.Call:
                {
                    var n = c[3];
                    for (var k = 0; k < n; k++) s[k] = r[c[4 + k]];
                    r[c[1]] = Execute(_funcs[c[2]], s);
                    pc += 4 + n;
                    break;
                }
                case Op.CallNative:
                {
                    var n = c[3];
                    for (var k = 0; k < n; k++) s[k] = r[c[4 + k]];
                    r[c[1]] = ((delegate*<long*, long>)NativeTable.Functions[c[2]])(s);
                    if (Pending != null) RaisePending();
                    pc += 4 + n;
                    break;
                }
                case Op.VCall or Op.ICall:
                {
                    var n = c[4];
                    var recv = r[c[5]];
                    if (recv == 0) throw NullAccess();
                    var td = *(byte**)recv;
                    var fn = (Op)c[0] == Op.VCall ? *(nint*)(td + Image.TdVtableOffset + 8 * c[2])
                        : (*(nint**)(td + Image.TdItableOffset))[c[2]];
                    var site = f.Sites[c[3]];
                    var callee = site.Code == fn ? site.Target! : Resolve(site, fn);
                    for (var k = 0; k < n; k++) s[k] = r[c[5 + k]];
                    r[c[1]] = Execute(callee, s);
                    pc += 5 + n;
                    break;
                }
                case Op.CallClosure:
                {
                    var n = c[3];
                    var clo = (HClosure*)r[c[4]];
                    if (clo == null) throw NullAccess();
                    var fn = (nint)clo->Fn;
                    var site = f.Sites[c[2]];
                    var callee = site.Code == fn ? site.Target! : Resolve(site, fn);
                    s[0] = (long)clo->Env;
                    for (var k = 1; k < n; k++) s[k] = r[c[4 + k]];
                    r[c[1]] = Execute(callee, s);
                    pc += 4 + n;
                    break;
                }
                case Op.GLoad: r[c[1]] = Image.Globals[c[2]]; pc += 3; break;
                case Op.GStore: Image.Globals[c[1]] = r[c[2]]; pc += 3; break;
                case Op.ALen:
                {
                    var a = (HArray*)r[c[2]];
                    if (a == null) throw NullAccess();
                    r[c[1]] = a->Length;
                    pc += 3;
                    break;
                }
                case Op.SLen:
                {
                    var str = (HString*)r[c[2]];
                    if (str == null) throw NullAccess();
                    r[c[1]] = str->Length;
                    pc += 3;
                    break;
                }
                case Op.AGetI32:
                {
                    var a = (HArray*)r[c[2]];
                    if (a == null) throw NullAccess();
                    var i = (int)r[c[3]];
                    r[c[1]] = (uint)i < (uint)a->Length ? ((int*)a->Data)[i] : 0;
                    pc += 4;
                    break;
                }
                case Op.AGetF64:
                {
                    var a = (HArray*)r[c[2]];
                    if (a == null) throw NullAccess();
                    var i = (int)r[c[3]];
                    r[c[1]] = (uint)i < (uint)a->Length ? ((long*)a->Data)[i] : 0;
                    pc += 4;
                    break;
                }
                case Op.AGetPtr:
                {
                    var a = (HArray*)r[c[2]];
                    if (a == null) throw NullAccess();
                    var i = (int)r[c[3]];
                    r[c[1]] = (uint)i < (uint)a->Length ? ((long*)a->Data)[i] : 0;
                    pc += 4;
                    break;
                }
                case Op.AGetBool:
                {
                    var a = (HArray*)r[c[2]];
                    if (a == null) throw NullAccess();
                    var i = (int)r[c[3]];
                    r[c[1]] = (uint)i < (uint)a->Length && ((byte*)a->Data)[i] != 0 ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.ASetI32:
                {
                    var a = (HArray*)r[c[1]];
                    if (a == null) throw NullAccess();
                    var i = (int)r[c[2]];
                    if ((uint)i < (uint)a->Length) ((int*)a->Data)[i] = (int)r[c[3]];
                    else ArrayOps.SetI32(a, i, (int)r[c[3]]);
                    pc += 4;
                    break;
                }
                case Op.ASetF64:
                {
                    var a = (HArray*)r[c[1]];
                    if (a == null) throw NullAccess();
                    var i = (int)r[c[2]];
                    if ((uint)i < (uint)a->Length) ((double*)a->Data)[i] = dr[c[3]];
                    else ArrayOps.SetF64(a, i, dr[c[3]]);
                    pc += 4;
                    break;
                }
                case Op.ASetPtr:
                {
                    var a = (HArray*)r[c[1]];
                    if (a == null) throw NullAccess();
                    var i = (int)r[c[2]];
                    if ((uint)i < (uint)a->Length) ((long*)a->Data)[i] = r[c[3]];
                    else ArrayOps.SetPtr(a, i, (void*)r[c[3]]);
                    pc += 4;
                    break;
                }
                case Op.ASetBool:
                {
                    var a = (HArray*)r[c[1]];
                    if (a == null) throw NullAccess();
                    var i = (int)r[c[2]];
                    if ((uint)i < (uint)a->Length) ((byte*)a->Data)[i] = (byte)(r[c[3]] != 0 ? 1 : 0);
                    else ArrayOps.SetBool(a, i, r[c[3]] != 0);
                    pc += 4;
                    break;
                }
                case Op.New:
                {
                    var cls = Image.Module.Classes[c[2]];
                    var o = (TypeDesc**)Heap.Alloc((nuint)Math.Max(cls.Size, 8));
                    *o = Image.ClassDescs[c[2]];
                    r[c[1]] = (long)o;
                    pc += 3;
                    break;
                }
                case Op.Alloc: r[c[1]] = (long)Heap.Alloc((nuint)Math.Max(c[2], 8)); pc += 3; break;
                case Op.Closure:
                {
                    var clo = (HClosure*)Heap.Alloc((nuint)sizeof(HClosure));
                    clo->Td = Image.Builtins->Closure;
                    clo->Fn = (void*)Image.CodeOf(_funcs[c[2]]);
                    clo->Env = (void*)r[c[3]];
                    r[c[1]] = (long)clo;
                    pc += 4;
                    break;
                }
                case Op.GetI32:
                {
                    var o = (byte*)r[c[2]];
                    if (o == null) throw NullAccess();
                    r[c[1]] = *(int*)(o + c[3]);
                    pc += 4;
                    break;
                }
                case Op.GetF64 or Op.GetPtr:
                {
                    var o = (byte*)r[c[2]];
                    if (o == null) throw NullAccess();
                    r[c[1]] = *(long*)(o + c[3]);
                    pc += 4;
                    break;
                }
                case Op.GetBool:
                {
                    var o = (byte*)r[c[2]];
                    if (o == null) throw NullAccess();
                    r[c[1]] = o[c[3]] != 0 ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.SetI32:
                {
                    var o = (byte*)r[c[1]];
                    if (o == null) throw NullAccess();
                    *(int*)(o + c[2]) = (int)r[c[3]];
                    pc += 4;
                    break;
                }
                case Op.SetF64 or Op.SetPtr:
                {
                    var o = (byte*)r[c[1]];
                    if (o == null) throw NullAccess();
                    *(long*)(o + c[2]) = r[c[3]];
                    pc += 4;
                    break;
                }
                case Op.SetBool:
                {
                    var o = (byte*)r[c[1]];
                    if (o == null) throw NullAccess();
                    o[c[2]] = (byte)(r[c[3]] != 0 ? 1 : 0);
                    pc += 4;
                    break;
                }
                case Op.Try:
                    if (traps[0] >= f.TrapCount) throw new InterpreterException($"@{f.Name}: more traps open than tryenter instructions");
                    traps[++traps[0]] = c[2];
                    pc = c[1];
                    break;
                case Op.TrapPop:
                    if (traps != null && traps[0] > 0) traps[0]--;
                    pc += 1;
                    break;
                case Op.ExceptionValue: r[c[1]] = (long)*_exception; pc += 2; break;
                case Op.Throw: throw Throw((void*)r[c[1]]);
                case Op.Unreachable: throw new InterpreterException($"@{f.Name}: reached unreachable code");
                case Op.MissingNative: throw new InterpreterException($"@{f.Name}: the interpreter has no native @{NativeTable.Missing(c[1])}");
                default: throw new InterpreterException($"@{f.Name}: bad opcode {c[0]} at {pc}");
            }
        }
    }
}

/// <summary>A Haxe `throw` in flight; the value is in the interpreter's exception slot (visible to the collector).</summary>
internal sealed class HaxeThrow : Exception;
