using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

/// How much DWARF the backend emits.
public enum DebugInfoLevel
{
    /// None: an uncaught exception prints no `Called from` lines.
    None,

    /// Line tables only (clang's `-gline-tables-only`): subprograms, inlined frames and .hx lines,
    /// enough for the runtime's stack traces and for stepping by line in a debugger. The default:
    /// it changes no generated code, only the size of the executable.
    LineTables,

    /// `--debug`/`-g`: full DWARF (functions also carry their signatures; no variables yet).
    Full,
}

public sealed unsafe partial class ModuleEmitter
{
    /// The DWARF version requested: the runtime's symbolizer (Rayzor.Runtime/Exceptions/Symbolizer.cs)
    /// reads version 4 units only.
    public const int DwarfVersion = 4;

    /// The compile unit's producer; the runtime recognizes Rayzor's units by this prefix.
    public const string Producer = "Rayzor";

    /// What debug information <see cref="Emit"/> adds (default none; the driver asks for line tables).
    public DebugInfoLevel DebugInfo { get; init; }

    /// Whether the module is optimized (recorded in the compile unit and subprograms).
    public bool Optimized { get; init; }

    private LLVMDIBuilderRef _di;
    private LLVMMetadataRef _cuFile;
    private readonly Dictionary<string, LLVMMetadataRef> _diFiles = new();
    private readonly Dictionary<MirType, LLVMMetadataRef> _diTypes = new();
    private readonly Dictionary<string, LLVMMetadataRef> _subprograms = new();

    private bool HasDebugInfo => DebugInfo != DebugInfoLevel.None;

    /// The compile unit and the module flags LLVM needs to emit DWARF.
    private void BeginDebugInfo()
    {
        if (!HasDebugInfo) return;
        LLVM.AddModuleFlag(_mod, LLVMModuleFlagBehavior.LLVMModuleFlagBehaviorWarning, "Debug Info Version",
            LLVM.ValueAsMetadata(LLVM.ConstInt(_i32, LLVM.DebugMetadataVersion(), false)));
        LLVM.AddModuleFlag(_mod, LLVMModuleFlagBehavior.LLVMModuleFlagBehaviorWarning, "Dwarf Version",
            LLVM.ValueAsMetadata(LLVM.ConstInt(_i32, DwarfVersion, false)));
        _di = LLVM.CreateDIBuilder(_mod);
        _cuFile = DIFile(_mir.SourceFile ?? _mir.EntryFunction);
        var kind = DebugInfo == DebugInfoLevel.Full ? LLVMDWARFEmissionKind.LLVMDWARFEmissionFull : LLVMDWARFEmissionKind.LLVMDWARFEmissionLineTablesOnly;
        LLVM.DIBuilderCreateCompileUnit(_di, LLVMDWARFSourceLanguage.LLVMDWARFSourceLanguageC, _cuFile, Producer, Optimized,
            "", 0, "", kind, 0, false, false, "", "");
    }

    private void FinishDebugInfo()
    {
        if (HasDebugInfo) LLVM.DIBuilderFinalize(_di);
    }

    /// A source file as the compiler was given it (relative to the current folder when it is under
    /// it, see ModuleLoader), with the current folder as the compile directory.
    private LLVMMetadataRef DIFile(string path)
    {
        if (!_diFiles.TryGetValue(path, out var file))
            _diFiles[path] = file = LLVM.DIBuilderCreateFile(_di, path, Environment.CurrentDirectory);
        return file;
    }

    /// The DISubprogram of <paramref name="fn"/>: named as the MIR function (`Main.parse`,
    /// `Main.main.$lambda1`), artificial when generated without a source (wrappers, the entry, `main`).
    /// Null without debug info.
    private LLVMMetadataRef Subprogram(LLVMValueRef fn, string name, string? sourceFile, int line, IReadOnlyList<MirType> ps, MirType ret)
    {
        if (!HasDebugInfo) return default;
        if (sourceFile != null && _subprograms.TryGetValue(name, out var known))
        {
            // already made as the scope of calls of it the MIR inliner replaced
            LLVM.SetSubprogram(fn, known);
            return known;
        }
        var sp = NewSubprogram(name, sourceFile, line, ps, ret);
        LLVM.SetSubprogram(fn, sp);
        return sp;
    }

    /// The DISubprogram of a function the MIR inliner copied into others: the scope of the copied
    /// instructions' locations (the same one as the function's own, when it is emitted too).
    private LLVMMetadataRef InlinedSubprogram(InlineSite site)
    {
        if (_subprograms.TryGetValue(site.Callee, out var sp)) return sp;
        var callee = _mir.Find(site.Callee);
        return _subprograms[site.Callee] = NewSubprogram(site.Callee, site.SourceFile, site.ScopeLine, callee?.ParamTypes ?? [], callee?.ReturnType ?? MirType.Void);
    }

    private LLVMMetadataRef NewSubprogram(string name, string? sourceFile, int line, IReadOnlyList<MirType> ps, MirType ret)
    {
        var file = sourceFile != null ? DIFile(sourceFile) : _cuFile;
        LLVMMetadataRef type;
        if (DebugInfo == DebugInfoLevel.Full)
        {
            var types = new LLVMMetadataRef[ps.Count + 1];
            types[0] = ret == MirType.Void ? default : DIType(ret);
            for (var k = 0; k < ps.Count; k++) types[k + 1] = DIType(ps[k]);
            type = LLVM.DIBuilderCreateSubroutineType(_di, file, types, LLVMDIFlags.LLVMDIFlagZero);
        }
        else type = LLVM.DIBuilderCreateSubroutineType(_di, file, [], LLVMDIFlags.LLVMDIFlagZero);
        var flags = sourceFile == null ? LLVMDIFlags.LLVMDIFlagArtificial : LLVMDIFlags.LLVMDIFlagZero;
        var sp = LLVM.DIBuilderCreateFunction(_di, file, name, "", file, (uint)line, type, true, true, (uint)line, flags, Optimized);
        if (sourceFile != null) _subprograms[name] = sp;
        return sp;
    }

    /// Haxe's basic types for full debug info; every pointer is a `Dynamic*`.
    private LLVMMetadataRef DIType(MirType t)
    {
        if (_diTypes.TryGetValue(t, out var d)) return d;
        const uint ateBoolean = 0x02, ateFloat = 0x04, ateSigned = 0x05;
        d = t switch
        {
            MirType.Bool => LLVM.DIBuilderCreateBasicType(_di, "Bool", 8, ateBoolean, LLVMDIFlags.LLVMDIFlagZero),
            MirType.I32 => LLVM.DIBuilderCreateBasicType(_di, "Int", 32, ateSigned, LLVMDIFlags.LLVMDIFlagZero),
            MirType.I64 => LLVM.DIBuilderCreateBasicType(_di, "Int64", 64, ateSigned, LLVMDIFlags.LLVMDIFlagZero),
            MirType.F64 => LLVM.DIBuilderCreateBasicType(_di, "Float", 64, ateFloat, LLVMDIFlags.LLVMDIFlagZero),
            _ => LLVM.DIBuilderCreatePointerType(_di, LLVM.DIBuilderCreateUnspecifiedType(_di, "Dynamic"), 64, 0, 0, "Dynamic"),
        };
        return _diTypes[t] = d;
    }

    /// Every function gets an unwind table (`uwtable(async)`), so the runtime's `backtrace()` can walk
    /// generated frames when it reports an uncaught exception. It adds .eh_frame data, no code.
    private static void AddUnwindTable(LLVMValueRef fn) => LLVM.AddFunctionAttribute(fn, "uwtable", 2);
}
