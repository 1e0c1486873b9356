using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

public sealed unsafe partial class ModuleEmitter
{
    /// Emits one MIR function: a basic block per MIR block, a phi per block parameter.
    private sealed partial class FunctionEmitter(ModuleEmitter m, MirFunction f)
    {
        private readonly LLVMValueRef[] _values = new LLVMValueRef[f.Values.Count];
        private readonly LLVMBasicBlockRef[] _blocks = new LLVMBasicBlockRef[f.Blocks.Count];
        private readonly List<(LLVMValueRef Phi, ValueId Value, LLVMBasicBlockRef From)> _incoming = new();
        private LLVMBuilderRef B => m._b;

        private LLVMMetadataRef _scope;
        private int _scopeLine;
        private readonly Dictionary<int, LLVMMetadataRef> _locations = new();
        private readonly Dictionary<(int, InlineSite), LLVMMetadataRef> _inlinedLocations = new();
        private readonly Dictionary<InlineSite, LLVMMetadataRef> _callLocations = new(ReferenceEqualityComparer.Instance);

        public void Emit()
        {
            var (fn, _) = m.Fn(f.Name);
            // the function's own lines: inlined instructions count lines of other functions' files
            _scopeLine = f.Blocks.SelectMany(b => b.Insts).Where(i => i.Line > 0 && i.Inlined == null).Select(i => i.Line).DefaultIfEmpty(0).Min();
            _scope = m.Subprogram(fn, f.Name, f.SourceFile, _scopeLine, f.ParamTypes, f.ReturnType);
            Locate(0, null);
            // unreachable blocks are not emitted; the rest in an order where definitions come first
            var order = Cfg.ReversePostOrder(f);
            var check = m.ForJit && !IsLeaf(f) ? LLVM.AppendBasicBlockInContext(m._ctx, fn, "stack") : default;
            foreach (var blk in f.Blocks)
                if (order.Contains(blk)) _blocks[blk.Id.Index] = LLVM.AppendBasicBlockInContext(m._ctx, fn, "bb" + blk.Id.Index);
            for (var i = 0; i < f.Entry.Params.Count; i++) _values[f.Entry.Params[i].Index] = LLVM.GetParam(fn, (uint)i);
            if (!check.IsNull) EmitStackCheck(check, _blocks[f.Entry.Id.Index]);
            foreach (var blk in order.Skip(1))
            {
                LLVM.PositionBuilderAtEnd(B, _blocks[blk.Id.Index]);
                foreach (var p in blk.Params) _values[p.Index] = LLVM.BuildPhi(B, m.Llvm(f.TypeOf(p)), "");
            }
            foreach (var blk in order)
            {
                LLVM.PositionBuilderAtEnd(B, _blocks[blk.Id.Index]);
                foreach (var inst in blk.Insts)
                {
                    Locate(inst.Line, inst.Inlined);
                    EmitInst(blk, inst);
                }
            }
            if (!_scope.IsNull) LLVM.SetCurrentDebugLocation2(B, default);
            foreach (var (phi, value, from) in _incoming)
            {
                var v = _values[value.Index];
                var bb = from;
                LLVM.AddIncoming(phi, &v, &bb, 1);
            }
        }

        /// Gives the instructions built from now on the source line (the function's first line when
        /// unknown), when the module has debug info; an instruction the MIR inliner copied in is at
        /// a line of the inlined function, inlined at the call's location (as LLVM's own inliner does).
        private void Locate(int line, InlineSite? site)
        {
            if (_scope.IsNull) return;
            LLVM.SetCurrentDebugLocation2(B, Location(line, site));
        }

        private LLVMMetadataRef Location(int line, InlineSite? site)
        {
            if (site == null)
            {
                if (line <= 0) line = _scopeLine;
                if (!_locations.TryGetValue(line, out var loc))
                    _locations[line] = loc = LLVM.DIBuilderCreateDebugLocation(m._ctx, (uint)line, 0, _scope, default);
                return loc;
            }
            if (line <= 0) line = site.ScopeLine;
            if (!_inlinedLocations.TryGetValue((line, site), out var inl))
                _inlinedLocations[(line, site)] = inl = LLVM.DIBuilderCreateDebugLocation(m._ctx, (uint)line, 0, m.InlinedSubprogram(site), InlinedAt(site));
            return inl;
        }

        /// The call's location of an inline site: one DILocation per site (the same object for
        /// all its instructions), which is what makes them one inlined frame.
        private LLVMMetadataRef InlinedAt(InlineSite site)
        {
            if (!_callLocations.TryGetValue(site, out var at))
            {
                var parent = site.Parent;
                var line = site.CallLine > 0 ? site.CallLine : parent?.ScopeLine ?? _scopeLine;
                at = LLVM.DIBuilderCreateDebugLocation(m._ctx, (uint)line, 0, parent == null ? _scope : m.InlinedSubprogram(parent),
                    parent == null ? default : InlinedAt(parent));
                _callLocations[site] = at;
            }
            return at;
        }

        private LLVMValueRef V(ValueId v) => _values[v.Index];

        private LLVMValueRef A(Instruction i, int k) => _values[i.Args[k].Index];

        private void Def(Instruction i, LLVMValueRef v)
        {
            if (!i.Result.IsNone) _values[i.Result.Index] = v;
        }

        private LLVMValueRef Intrinsic(string name, LLVMTypeRef overload, params LLVMValueRef[] args)
        {
            var decl = LLVM.GetIntrinsicDeclaration(m._mod, name, overload);
            var ty = LLVM.GlobalGetValueType(decl);
            fixed (LLVMValueRef* p = args) return LLVM.BuildCall2(B, ty, decl, p, (uint)args.Length, "");
        }

        private LLVMValueRef MaskedCount(LLVMValueRef c) => LLVM.BuildAnd(B, c, m.CI32(31), "");

        private void EmitInst(Block blk, Instruction i)
        {
            switch (i.Op)
            {
                case Opcode.IConst: Def(i, m.CI32((int)i.Imm)); break;
                case Opcode.FConst: Def(i, LLVM.ConstReal(m._f64, i.FImm)); break;
                case Opcode.BConst: Def(i, LLVM.ConstInt(m._i1, (ulong)i.Imm, false)); break;
                case Opcode.Null: Def(i, LLVM.ConstNull(m._ptr)); break;
                case Opcode.Str: _literals[i.Result] = (int)i.Imm; Def(i, m.StringConst((int)i.Imm)); break;
                case Opcode.IAdd: Def(i, LLVM.BuildAdd(B, A(i, 0), A(i, 1), "")); break;
                case Opcode.ISub: Def(i, LLVM.BuildSub(B, A(i, 0), A(i, 1), "")); break;
                case Opcode.IMul: Def(i, LLVM.BuildMul(B, A(i, 0), A(i, 1), "")); break;
                case Opcode.IRem:
                {
                    // x % 0 and x % -1 would trap in hardware: divide by 1 instead and answer 0
                    var d = A(i, 1);
                    var zero = LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, d, m.CI32(0), "");
                    var minus1 = LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, d, m.CI32(-1), "");
                    var bad = LLVM.BuildOr(B, zero, minus1, "");
                    var safe = LLVM.BuildSelect(B, bad, m.CI32(1), d, "");
                    var r = LLVM.BuildSRem(B, A(i, 0), safe, "");
                    Def(i, LLVM.BuildSelect(B, bad, m.CI32(0), r, ""));
                    break;
                }
                case Opcode.IAnd: Def(i, LLVM.BuildAnd(B, A(i, 0), A(i, 1), "")); break;
                case Opcode.IOr: Def(i, LLVM.BuildOr(B, A(i, 0), A(i, 1), "")); break;
                case Opcode.IXor: Def(i, LLVM.BuildXor(B, A(i, 0), A(i, 1), "")); break;
                case Opcode.IShl: Def(i, LLVM.BuildShl(B, A(i, 0), MaskedCount(A(i, 1)), "")); break;
                case Opcode.IShr: Def(i, LLVM.BuildAShr(B, A(i, 0), MaskedCount(A(i, 1)), "")); break;
                case Opcode.IUShr: Def(i, LLVM.BuildLShr(B, A(i, 0), MaskedCount(A(i, 1)), "")); break;
                case Opcode.INeg: Def(i, LLVM.BuildNeg(B, A(i, 0), "")); break;
                case Opcode.INot: Def(i, LLVM.BuildNot(B, A(i, 0), "")); break;
                case Opcode.FAdd: Def(i, LLVM.BuildFAdd(B, A(i, 0), A(i, 1), "")); break;
                case Opcode.FSub: Def(i, LLVM.BuildFSub(B, A(i, 0), A(i, 1), "")); break;
                case Opcode.FMul: Def(i, LLVM.BuildFMul(B, A(i, 0), A(i, 1), "")); break;
                case Opcode.FDiv: Def(i, LLVM.BuildFDiv(B, A(i, 0), A(i, 1), "")); break;
                case Opcode.FRem: Def(i, LLVM.BuildFRem(B, A(i, 0), A(i, 1), "")); break;
                case Opcode.FNeg: Def(i, LLVM.BuildFNeg(B, A(i, 0), "")); break;
                case Opcode.FSqrt: Def(i, Intrinsic("llvm.sqrt", m._f64, A(i, 0))); break;
                case Opcode.FFloor: Def(i, Intrinsic("llvm.floor", m._f64, A(i, 0))); break;
                case Opcode.FCeil: Def(i, Intrinsic("llvm.ceil", m._f64, A(i, 0))); break;
                case Opcode.FAbs: Def(i, Intrinsic("llvm.fabs", m._f64, A(i, 0))); break;
                case Opcode.FMin: Def(i, Intrinsic("llvm.minimum", m._f64, A(i, 0), A(i, 1))); break;
                case Opcode.FMax: Def(i, Intrinsic("llvm.maximum", m._f64, A(i, 0), A(i, 1))); break;
                case Opcode.ICmp:
                    Def(i, LLVM.BuildICmp(B, (Cond)i.Imm switch
                    {
                        Cond.Eq => LLVMIntPredicate.LLVMIntEQ, Cond.Ne => LLVMIntPredicate.LLVMIntNE,
                        Cond.Lt => LLVMIntPredicate.LLVMIntSLT, Cond.Le => LLVMIntPredicate.LLVMIntSLE,
                        Cond.Gt => LLVMIntPredicate.LLVMIntSGT, _ => LLVMIntPredicate.LLVMIntSGE,
                    }, A(i, 0), A(i, 1), ""));
                    break;
                case Opcode.FCmp:
                    Def(i, LLVM.BuildFCmp(B, (Cond)i.Imm switch
                    {
                        Cond.Eq => LLVMRealPredicate.LLVMRealOEQ, Cond.Ne => LLVMRealPredicate.LLVMRealUNE,
                        Cond.Lt => LLVMRealPredicate.LLVMRealOLT, Cond.Le => LLVMRealPredicate.LLVMRealOLE,
                        Cond.Gt => LLVMRealPredicate.LLVMRealOGT, _ => LLVMRealPredicate.LLVMRealOGE,
                    }, A(i, 0), A(i, 1), ""));
                    break;
                case Opcode.PCmp:
                    Def(i, LLVM.BuildICmp(B, (Cond)i.Imm == Cond.Eq ? LLVMIntPredicate.LLVMIntEQ : LLVMIntPredicate.LLVMIntNE, A(i, 0), A(i, 1), ""));
                    break;
                case Opcode.BNot: Def(i, LLVM.BuildNot(B, A(i, 0), "")); break;
                case Opcode.IToF: Def(i, LLVM.BuildSIToFP(B, A(i, 0), m._f64, "")); break;
                case Opcode.FToI:
                {
                    var decl = LLVM.GetIntrinsicDeclaration(m._mod, "llvm.fptosi.sat", m._i32, m._f64);
                    var ty = LLVM.GlobalGetValueType(decl);
                    var arg = A(i, 0);
                    Def(i, LLVM.BuildCall2(B, ty, decl, &arg, 1, ""));
                    break;
                }
                case Opcode.Call:
                {
                    var args = i.Args.Select(V).ToArray();
                    Def(i, m.Call(m.Fn(i.Sym!), args));
                    break;
                }
                case Opcode.CallNative: EmitNativeCall(i); break;
                case Opcode.GLoad:
                {
                    var (g, t) = m.Global(i.Sym!);
                    Def(i, LLVM.BuildLoad2(B, t, g, ""));
                    break;
                }
                case Opcode.GStore: LLVM.BuildStore(B, A(i, 0), m.Global(i.Sym!).Global); break;
                case Opcode.New: Def(i, EmitNew(i)); break;
                case Opcode.Alloc: Def(i, GcAlloc((int)i.Imm, LLVM.ConstNull(m._ptr))); break;
                case Opcode.SAlloc: Def(i, EmitStackAlloc(i)); break;
                case Opcode.Closure: Def(i, EmitClosure(i)); break;
                case Opcode.CallClosure: NullCheck(A(i, 0)); Def(i, EmitCallClosure(i)); break;
                case Opcode.DynCall: Def(i, EmitDynCall(i)); break;
                case Opcode.GetField: NullCheck(A(i, 0)); Def(i, EmitGetField(i)); break;
                case Opcode.SetField: NullCheck(A(i, 0)); EmitSetField(i); break;
                case Opcode.VCall or Opcode.ICall: NullCheck(A(i, 0)); Def(i, EmitDispatch(i)); m.TierPendingCheck(m.Fn(f.Name).Fn); break;
                case Opcode.ALen: NullCheck(A(i, 0)); Def(i, ArrayLength(A(i, 0))); break;
                case Opcode.SLen: NullCheck(A(i, 0)); Def(i, m.Tag(LLVM.BuildLoad2(B, m._i32, At(A(i, 0), StringLengthOffset), ""), HeapAccess.StringLength)); break;
                case Opcode.AGet: NullCheck(A(i, 0)); Def(i, EmitArrayGet(i)); break;
                case Opcode.ASet or Opcode.VSet: NullCheck(A(i, 0)); EmitArraySet(i, grow: i.Op == Opcode.ASet); break;
                case Opcode.AGetU: Def(i, EmitArrayGetUnchecked(i)); break;
                case Opcode.ASetU: EmitArraySetUnchecked(i); break;
                case Opcode.BGet: NullCheck(A(i, 0)); Def(i, EmitBytesGet(i)); break;
                case Opcode.BGetU: Def(i, EmitBytesGetUnchecked(i)); break;
                case Opcode.BSet: NullCheck(A(i, 0)); EmitBytesSet(i); break;
                case Opcode.Br:
                    Incoming(blk, i.Targets[0]);
                    LLVM.BuildBr(B, _blocks[i.Targets[0].Block.Index]);
                    break;
                case Opcode.BrIf:
                    Incoming(blk, i.Targets[0]);
                    Incoming(blk, i.Targets[1]);
                    LLVM.BuildCondBr(B, A(i, 0), _blocks[i.Targets[0].Block.Index], _blocks[i.Targets[1].Block.Index]);
                    break;
                case Opcode.Ret:
                    if (i.Args.Count == 0) LLVM.BuildRetVoid(B);
                    else LLVM.BuildRet(B, A(i, 0));
                    break;
                case Opcode.Unreachable: LLVM.BuildUnreachable(B); break;
                case Opcode.TryEnter: EmitTryEnter(blk, i); break;
                case Opcode.Throw: EmitThrow(i); break;
                case Opcode.TypeDesc: Def(i, EmitTypeDesc(i)); break;
                default: throw new InvalidOperationException("no LLVM lowering for " + i.Op.Info().Name);
            }
        }

        /// Records phi inputs of a jump; the LLVM block is the current one (an instruction may have split the MIR block).
        private void Incoming(Block from, BlockCall call)
        {
            var target = f[call.Block];
            var bb = LLVM.GetInsertBlock(B);
            for (var k = 0; k < call.Args.Count; k++)
                _incoming.Add((_values[target.Params[k].Index], call.Args[k], bb));
        }

        /// String literals by the value holding them (`str`), for printing them without the runtime.
        private readonly Dictionary<ValueId, int> _literals = new();

        /// Calls a C symbol, or emits it inline: `Sys.print`/`println` of a literal appends its UTF-8
        /// bytes in generated code (ModuleEmitter.Program.cs); other common cases FunctionEmitter.Natives.cs.
        private void EmitNativeCall(Instruction i)
        {
            if (i.Sym is "rz_print" or "rz_println" && _literals.TryGetValue(i.Args[0], out var literal))
            {
                m.PrintLiteral(m._mir.Strings[literal], newline: i.Sym == "rz_println");
                return;
            }
            if (!TryEmitInlineNative(i)) Def(i, EmitCall(i));
        }

        /// The call of a C symbol; Bool crosses the C ABI as i32.
        private LLVMValueRef EmitCall(Instruction i)
        {
            var (fn, ft, decl) = m.Native(i.Sym!);
            var args = new LLVMValueRef[i.Args.Count];
            for (var k = 0; k < args.Length; k++)
                args[k] = decl.Params[k] == MirType.Bool ? LLVM.BuildZExt(B, A(i, k), m._i32, "") : A(i, k);
            LLVMValueRef r;
            fixed (LLVMValueRef* p = args) r = LLVM.BuildCall2(B, ft, fn, p, (uint)args.Length, "");
            m.TierPendingCheck(m.Fn(f.Name).Fn);
            if (decl.Return == MirType.Bool) r = LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntNE, r, m.CI32(0), "");
            return r;
        }
    }
}
