#!/usr/bin/env python3
"""Generates the LLVM-C bindings of Rayzor.LlvmBackend/Interop from the LLVM 19 C headers.

usage: python3 generate.py [/usr/lib/llvm-19/include/llvm-c] [out-dir (default: the folder above this script)]
Functions declared in the headers but not exported by libLLVM (RAYZOR_LIBLLVM or the Debian path)
are dropped. Hand-written partial files (no .g.cs suffix) are never touched.

Every public function of the headers listed in FILES becomes a [LibraryImport] on the partial
class `LLVM` (C name without the `LLVM` prefix), grouped in files by the header's @defgroup.
Handles are typed (`LLVMValueRef` ...), enums are the C enums, LLVMBool is `bool`.
Convenience overloads are generated for the mechanical patterns:
  - `T *Xs, unsigned NumXs` (input arrays)         -> ReadOnlySpan<T>
  - `const char *S, size_t SLen`                    -> string (UTF-8, length computed)
  - `const char *F(...)` (borrowed string result)   -> string? (raw `F_Ptr` kept private)
  - `char *F(...)` (owned string result)            -> string, disposed with LLVMDisposeMessage
  - `char **OutMessage`                             -> out string? (disposed)
Excluded: deprecated functions, functions implicitly using the global context (they have an
*InContext twin), module providers, legacy pass managers, threading.
"""
import os
import re
import sys

HDR = sys.argv[1] if len(sys.argv) > 1 else '/usr/lib/llvm-19/include/llvm-c'
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

HEADERS = ['Core.h', 'Analysis.h', 'Target.h', 'TargetMachine.h', 'Transforms/PassBuilder.h',
           'DebugInfo.h', 'Support.h', 'Error.h', 'IRReader.h', 'BitWriter.h', 'BitReader.h',
           'Orc.h', 'LLJIT.h']

# ORC is large and mostly callback- and struct-based: only these functions are bound (what
# Rayzor.LlvmBackend/Jit uses to JIT a module in-process); the symbol-map struct is hand-written
# (Interop/Orc.cs).
ONLY = {
    'Orc.h': {'LLVMOrcAbsoluteSymbols', 'LLVMOrcJITDylibDefine', 'LLVMOrcJITDylibAddGenerator',
              'LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess', 'LLVMOrcCreateNewThreadSafeContext',
              'LLVMOrcThreadSafeContextGetContext', 'LLVMOrcDisposeThreadSafeContext',
              'LLVMOrcCreateNewThreadSafeModule', 'LLVMOrcDisposeThreadSafeModule',
              'LLVMOrcReleaseSymbolStringPoolEntry',
              'LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine',
              'LLVMOrcDisposeJITTargetMachineBuilder', 'LLVMOrcDisposeMaterializationUnit',
              'LLVMOrcObjectTransformLayerSetTransform'},
    'LLJIT.h': {'LLVMOrcCreateLLJITBuilder', 'LLVMOrcDisposeLLJITBuilder', 'LLVMOrcCreateLLJIT',
                'LLVMOrcDisposeLLJIT', 'LLVMOrcLLJITGetMainJITDylib', 'LLVMOrcLLJITGetGlobalPrefix',
                'LLVMOrcLLJITMangleAndIntern', 'LLVMOrcLLJITAddLLVMIRModule', 'LLVMOrcLLJITLookup',
                'LLVMOrcLLJITBuilderSetJITTargetMachineBuilder', 'LLVMOrcLLJITGetTripleString',
                'LLVMOrcLLJITGetDataLayoutStr', 'LLVMOrcLLJITGetObjTransformLayer'},
}

GROUP_FILE = {
    'LLVMCCoreTypes': 'Support',
    'LLVMCCoreContext': 'Core.Context',
    'LLVMCCoreModule': 'Core.Module',
    'LLVMCCoreType': 'Core.Types', 'LLVMCCoreTypeInt': 'Core.Types', 'LLVMCCoreTypeFloat': 'Core.Types',
    'LLVMCCoreTypeFunction': 'Core.Types', 'LLVMCCoreTypeStruct': 'Core.Types',
    'LLVMCCoreTypeSequential': 'Core.Types', 'LLVMCCoreTypeOther': 'Core.Types',
    'LLVMCCoreValues': 'Core.Values', 'LLVMCCoreValueGeneral': 'Core.Values',
    'LLVMCCoreValueUses': 'Core.Values', 'LLVMCCoreValueUser': 'Core.Values',
    'LLVMCCoreValueMetadata': 'Core.Metadata',
    'LLVMCCoreValueConstant': 'Core.Constants', 'LLVMCCoreValueConstantScalar': 'Core.Constants',
    'LLVMCCoreValueConstantComposite': 'Core.Constants',
    'LLVMCCoreValueConstantExpressions': 'Core.Constants',
    'LLVMCCoreValueConstantGlobals': 'Core.Globals', 'LLVMCCoreValueWithAlignment': 'Core.Globals',
    'LLVMCoreValueConstantGlobalVariable': 'Core.Globals',
    'LLVMCoreValueConstantGlobalAlias': 'Core.Globals', 'LLVMCCoreValueGlobalIFunc': 'Core.Globals',
    'LLVMCCoreValueFunction': 'Core.Functions', 'LLVMCCoreValueFunctionParameters': 'Core.Functions',
    'LLVMCCoreOperandBundle': 'Core.Instructions',
    'LLVMCCoreValueBasicBlock': 'Core.BasicBlocks',
    'LLVMCCoreValueInstruction': 'Core.Instructions', 'LLVMCCoreValueInstructionCall': 'Core.Instructions',
    'LLVMCCoreValueInstructionTerminator': 'Core.Instructions',
    'LLVMCCoreValueInstructionAlloca': 'Core.Instructions',
    'LLVMCCoreValueInstructionGetElementPointer': 'Core.Instructions',
    'LLVMCCoreValueInstructionPHINode': 'Core.Instructions',
    'LLVMCCoreValueInstructionExtractValue': 'Core.Instructions',
    'LLVMCCoreValueInstructionInsertValue': 'Core.Instructions',
    'LLVMCCoreInstructionBuilder': 'Core.Builder',
    'LLVMCCoreMemoryBuffers': 'Core.MemoryBuffers',
    'LLVMCCoreModuleProvider': None, 'LLVMCCorePassManagers': None, 'LLVMCCoreThreading': None,
    'LLVMCCoreDebugInfo': 'DebugInfo',
    'LLVMCTarget': 'Target',
    'LLVMCAnalysis': 'Analysis',
    'LLVMCCoreIRReader': 'Support',
    'LLVMCCoreNewPM': 'PassBuilder',
    'LLVMCError': 'Support',
    'LLVMCBitWriter': 'Support',
    'LLVMCBitReader': 'Support',
    'LLVMCExecutionEngineORC': 'Orc',
    'LLVMCExecutionEngineLLJIT': 'Orc',
}
HEADER_DEFAULT_FILE = {'TargetMachine.h': 'TargetMachine', 'Support.h': 'Support',
                       'Transforms/PassBuilder.h': 'PassBuilder'}

FILE_TITLE = {
    'Support': 'Messages, version, errors, IR reader, bitcode, command-line options.',
    'Core.Context': 'Contexts, attributes, diagnostics.',
    'Core.Module': 'Modules: create, triple, data layout, print, functions/globals lookup, flags, inline asm.',
    'Core.Types': 'Types: integer, floating point, function, struct, array, pointer, void, label, token.',
    'Core.Values': 'Values: names, types, printing, uses, operands, IsA casts.',
    'Core.Metadata': 'Metadata values, MD strings/nodes, named metadata.',
    'Core.Constants': 'Constants: scalar, composite (strings, structs, arrays), constant expressions.',
    'Core.Globals': 'Global values and variables: linkage, section, visibility, alignment, aliases, ifuncs.',
    'Core.Functions': 'Functions: add, call conv, attributes, personality, intrinsics, parameters.',
    'Core.BasicBlocks': 'Basic blocks: append, insert, move, delete, terminator.',
    'Core.Instructions': 'Instructions: opcode, flags, call sites, terminators, phi, GEP, operand bundles.',
    'Core.Builder': 'The IR builder: every instruction kind.',
    'Core.MemoryBuffers': 'Memory buffers (IR text in, object code out).',
    'DebugInfo': 'Debug information: DIBuilder, compile units, files, subprograms, locations, types.',
    'Target': 'Target data (data layout) and the target-initialization entry points.',
    'TargetMachine': 'Targets and target machines: lookup, creation, emission to file / memory.',
    'Analysis': 'The IR verifier.',
    'PassBuilder': 'The new pass manager: LLVMRunPasses and its options.',
    'Orc': 'ORC and LLJIT: in-process JIT compilation (the subset Rayzor uses).',
}

# Functions that implicitly use the global context: use the *InContext variants.
GLOBAL_CONTEXT = {
    'LLVMModuleCreateWithName', 'LLVMInt1Type', 'LLVMInt8Type', 'LLVMInt16Type', 'LLVMInt32Type',
    'LLVMInt64Type', 'LLVMInt128Type', 'LLVMIntType', 'LLVMHalfType', 'LLVMBFloatType', 'LLVMFloatType',
    'LLVMDoubleType', 'LLVMX86FP80Type', 'LLVMFP128Type', 'LLVMPPCFP128Type', 'LLVMStructType',
    'LLVMVoidType', 'LLVMLabelType', 'LLVMX86MMXType', 'LLVMX86AMXType', 'LLVMConstString',
    'LLVMConstStruct', 'LLVMMDString', 'LLVMMDNode', 'LLVMAppendBasicBlock', 'LLVMInsertBasicBlock',
    'LLVMCreateBuilder', 'LLVMGetMDKindID', 'LLVMIntPtrType', 'LLVMIntPtrTypeForAS',
    'LLVMParseBitcode', 'LLVMParseBitcode2', 'LLVMGetBitcodeModule', 'LLVMGetBitcodeModule2',
    'LLVMGetGlobalContext', 'LLVMDIBuilderCreateDebugLocation_',
}
EXCLUDE = {
    # obsolete / superseded
    'LLVMGetDataLayout',  # LLVMGetDataLayoutStr
    'LLVMIntrinsicCopyOverloadedName',  # ...Name2
    'LLVMContextSetYieldCallback',
    'LLVMSetCurrentDebugLocation', 'LLVMGetCurrentDebugLocation',  # value-based; use ...2
    'LLVMGetValueName', 'LLVMSetValueName',  # use ...2
    'LLVMConstRealOfString',
    'LLVMParseBitcodeInContext', 'LLVMGetBitcodeModuleInContext',  # out-message variants
    'LLVMAddAnalysisPasses',  # legacy pass manager
    'LLVMGetDiagInfoDescription_',
}
# Pointer parameters that are outputs (single value written by the callee).
OUT_PARAM_NAMES = {'T', 'OutM', 'OutMemBuf', 'OutModule', 'OutTM', 'OutMessage', 'OutBuf'}

CS_KEYWORDS = {'abstract', 'as', 'base', 'bool', 'break', 'byte', 'case', 'catch', 'char', 'checked',
               'class', 'const', 'continue', 'decimal', 'default', 'delegate', 'do', 'double', 'else',
               'enum', 'event', 'explicit', 'extern', 'false', 'finally', 'fixed', 'float', 'for',
               'foreach', 'goto', 'if', 'implicit', 'in', 'int', 'interface', 'internal', 'is', 'lock',
               'long', 'namespace', 'new', 'null', 'object', 'operator', 'out', 'override', 'params',
               'private', 'protected', 'public', 'readonly', 'ref', 'return', 'sbyte', 'sealed',
               'short', 'sizeof', 'stackalloc', 'static', 'string', 'struct', 'switch', 'this',
               'throw', 'true', 'try', 'typeof', 'uint', 'ulong', 'unchecked', 'unsafe', 'ushort',
               'using', 'virtual', 'void', 'volatile', 'while', 'scoped', 'record', 'value'}

HANDLES = ['LLVMContextRef', 'LLVMModuleRef', 'LLVMTypeRef', 'LLVMValueRef', 'LLVMBasicBlockRef',
           'LLVMMetadataRef', 'LLVMNamedMDNodeRef', 'LLVMBuilderRef', 'LLVMDIBuilderRef',
           'LLVMUseRef', 'LLVMOperandBundleRef', 'LLVMAttributeRef', 'LLVMDiagnosticInfoRef',
           'LLVMComdatRef', 'LLVMDbgRecordRef', 'LLVMMemoryBufferRef', 'LLVMTargetDataRef',
           'LLVMTargetLibraryInfoRef', 'LLVMTargetMachineOptionsRef', 'LLVMTargetMachineRef',
           'LLVMTargetRef', 'LLVMPassBuilderOptionsRef', 'LLVMErrorRef', 'LLVMModuleProviderRef',
           'LLVMPassManagerRef', 'LLVMOrcLLJITRef', 'LLVMOrcLLJITBuilderRef', 'LLVMOrcJITDylibRef',
           'LLVMOrcThreadSafeContextRef', 'LLVMOrcThreadSafeModuleRef', 'LLVMOrcMaterializationUnitRef',
           'LLVMOrcSymbolStringPoolEntryRef', 'LLVMOrcDefinitionGeneratorRef',
           'LLVMOrcJITTargetMachineBuilderRef', 'LLVMOrcExecutionSessionRef',
           'LLVMOrcObjectTransformLayerRef']
HANDLE_DOC = {
    'LLVMContextRef': 'An LLVMContext: owns types and constants; one per thread / codegen unit.',
    'LLVMModuleRef': 'A module (one compilation unit of IR).',
    'LLVMTypeRef': 'An IR type (owned by its context).',
    'LLVMValueRef': 'Any IR value: constant, global, function, argument, instruction.',
    'LLVMBasicBlockRef': 'A basic block.',
    'LLVMMetadataRef': 'A metadata node (debug info, MDString ...).',
    'LLVMNamedMDNodeRef': 'A named metadata node of a module.',
    'LLVMBuilderRef': 'An IR builder (dispose with LLVM.DisposeBuilder).',
    'LLVMDIBuilderRef': 'A debug-info builder (dispose with LLVM.DisposeDIBuilder after DIBuilderFinalize).',
    'LLVMUseRef': 'A use of a value.',
    'LLVMOperandBundleRef': 'An operand bundle of a call.',
    'LLVMAttributeRef': 'A function, return or parameter attribute.',
    'LLVMDiagnosticInfoRef': 'A diagnostic passed to a context diagnostic handler.',
    'LLVMComdatRef': 'A COMDAT.',
    'LLVMDbgRecordRef': 'A debug record (new debug-info format).',
    'LLVMMemoryBufferRef': 'A memory buffer (dispose with LLVM.DisposeMemoryBuffer).',
    'LLVMTargetDataRef': 'A data layout (dispose with LLVM.DisposeTargetData).',
    'LLVMTargetLibraryInfoRef': 'Target library info.',
    'LLVMTargetMachineOptionsRef': 'Options for LLVM.CreateTargetMachineWithOptions.',
    'LLVMTargetMachineRef': 'A target machine (dispose with LLVM.DisposeTargetMachine).',
    'LLVMTargetRef': 'A registered target (static, never disposed).',
    'LLVMPassBuilderOptionsRef': 'Options of LLVM.RunPasses (dispose with LLVM.DisposePassBuilderOptions).',
    'LLVMErrorRef': 'An llvm::Error; consume with LLVM.GetErrorMessage or LLVM.ConsumeError.',
    'LLVMModuleProviderRef': 'A module provider (legacy).',
    'LLVMPassManagerRef': 'A legacy pass manager.',
    'LLVMOrcLLJITRef': 'An LLJIT instance (dispose with LLVM.OrcDisposeLLJIT).',
    'LLVMOrcLLJITBuilderRef': 'An LLJIT builder (consumed by LLVM.OrcCreateLLJIT).',
    'LLVMOrcJITDylibRef': 'A JITDylib: a symbol table of an LLJIT (owned by its session).',
    'LLVMOrcThreadSafeContextRef': 'An LLVMContext with a lock, shared by thread-safe modules.',
    'LLVMOrcThreadSafeModuleRef': 'A module with its thread-safe context (consumed when added to a JIT).',
    'LLVMOrcMaterializationUnitRef': 'A materialization unit (consumed by LLVM.OrcJITDylibDefine).',
    'LLVMOrcSymbolStringPoolEntryRef': 'An interned symbol name (release with LLVM.OrcReleaseSymbolStringPoolEntry).',
    'LLVMOrcDefinitionGeneratorRef': 'A definition generator (owned by the JITDylib it is added to).',
    'LLVMOrcJITTargetMachineBuilderRef': 'A JIT target machine builder (consumed by an LLJIT builder).',
    'LLVMOrcExecutionSessionRef': 'An ORC execution session (owned by its LLJIT).',
    'LLVMOrcObjectTransformLayerRef': 'The object transform layer of an LLJIT (owned by it).',
}

SCALARS = {
    'unsigned': 'uint', 'unsigned int': 'uint', 'int': 'int', 'uint64_t': 'ulong', 'int64_t': 'long',
    'uint32_t': 'uint', 'int32_t': 'int', 'uint16_t': 'ushort', 'uint8_t': 'byte', 'size_t': 'nuint',
    'unsigned long long': 'ulong', 'long long': 'long', 'double': 'double',
    'LLVMAttributeIndex': 'uint', 'LLVMFastMathFlags': 'uint', 'LLVMGEPNoWrapFlags': 'uint',
    'LLVMMetadataKind': 'uint', 'LLVMDWARFTypeEncoding': 'uint', 'LLVMErrorTypeId': 'nint',
    'LLVMDiagnosticHandler': 'nint', 'LLVMYieldCallback': 'nint', 'void *': 'nint',
    'const void *': 'nint', 'LLVMModuleFlagEntry *': 'nint', 'LLVMValueMetadataEntry *': 'nint',
    'enum LLVMByteOrdering': 'LLVMByteOrdering',
    'LLVMOrcExecutorAddress': 'ulong', 'LLVMOrcJITTargetAddress': 'ulong', 'char': 'byte',
    'LLVMOrcCSymbolMapPairs': 'nint', 'LLVMOrcSymbolPredicate': 'nint', 'LLVMOrcObjectTransformLayerTransformFunction': 'nint',
}


def read_header(path):
    text = open(path).read()

    def comment(m):
        g = re.search(r'@defgroup\s+(\w+)', m.group(0))
        return f' ; GROUPMARK {g.group(1)} ; ' if g else ' '

    text = re.sub(r'/\*.*?\*/', comment, text, flags=re.S)
    text = re.sub(r'//[^\n]*', '', text)
    lines, cont = [], False
    for line in text.split('\n'):
        if cont or line.lstrip().startswith('#'):
            cont = line.rstrip().endswith('\\')
            continue
        lines.append(line)
    text = '\n'.join(lines)
    text = re.sub(r'static inline[^{;]*\{[^{}]*\}', ' ', text)
    text = text.replace('LLVM_FOR_EACH_VALUE_SUBCLASS(LLVM_DECLARE_VALUE_CAST)', ' ')
    text = text.replace('LLVM_C_EXTERN_C_BEGIN', ' ').replace('LLVM_C_EXTERN_C_END', ' ')
    text = re.sub(r'LLVM_ATTRIBUTE_C_DEPRECATED\s*\((.*?\))\s*,\s*"[^"]*"\s*\)', r'DEPRECATED \1', text,
                  flags=re.S)
    text = re.sub(r'\s+', ' ', text)
    return [s.strip() for s in text.split(';') if s.strip()]


class Param:
    def __init__(self, ctype, name):
        self.ctype = ctype
        self.name = name


UNNAMED = {'Builder': 'B', 'Type': 'Ty', 'Value': 'Val', 'Values': 'Vals', 'Module': 'M',
           'Context': 'C', 'BasicBlock': 'BB', 'Bool': 'Flag', 'unsigned': 'N', 'Metadata': 'MD'}


def parse_params(ps):
    ps = ps.strip()
    if ps in ('', 'void'):
        return []
    out = []
    for p in ps.split(','):
        p = p.strip()
        m = re.match(r'^(.*?)(\w+)\s*(\[\])?$', p)
        ctype = m.group(1).strip()
        pname = m.group(2)
        if ctype in ('', 'const', 'struct', 'enum') or ctype.endswith(' const'):
            ctype = (ctype + ' ' + pname).strip()
            base = re.sub(r'^(const )?LLVM', '', ctype).replace('Ref', '').replace(' *', 's').strip()
            pname = UNNAMED.get(base, base)
            if any(q.name == pname for q in out):
                pname += str(len(out))
        if m.group(3):
            ctype += ' *'
        ctype = re.sub(r'\s*\*', ' *', ctype).replace('* *', '**').replace(' **', ' **')
        ctype = re.sub(r'\s+', ' ', ctype).strip().replace('*const *', '**')
        out.append(Param(ctype, pname))
    return out


def norm(t):
    t = re.sub(r'\s*\*', ' *', t.strip())
    t = t.replace('* *', '**')
    return re.sub(r'\s+', ' ', t).strip()


enums = {}        # name -> list of (member, value-expr or None)
funcs = []        # (file, ret, name, params)
seen = set()

for h in HEADERS:
    group = None
    default_file = HEADER_DEFAULT_FILE.get(h)
    for st in read_header(os.path.join(HDR, h)):
        m = re.match(r'^GROUPMARK (\w+)$', st)
        if m:
            group = m.group(1)
            continue
        m = re.match(r'^typedef enum\s*\w*\s*\{(.*)\}\s*(\w+)$', st) or \
            re.match(r'^enum\s+(?P<n>\w+)\s*\{(?P<b>.*)\}$', st)
        if m:
            if st.startswith('typedef'):
                body, name = m.group(1), m.group(2)
            else:
                body, name = m.group('b'), m.group('n')
            members = []
            for item in body.split(','):
                item = item.strip()
                if not item:
                    continue
                if '=' in item:
                    k, v = item.split('=', 1)
                    members.append((k.strip(), v.strip()))
                else:
                    members.append((item, None))
            enums[name] = members
            continue
        if st.startswith('typedef') or st.startswith('enum') or st.startswith('struct'):
            continue
        dep = st.startswith('DEPRECATED ')
        m = re.match(r'^(?:DEPRECATED )?(.*?)\b(LLVM\w+)\s*\((.*)\)$', st)
        if not m:
            continue
        ret, name, ps = norm(m.group(1)), m.group(2), m.group(3)
        if dep or name in EXCLUDE or name in GLOBAL_CONTEXT or name in seen:
            continue
        if h in ONLY and name not in ONLY[h]:
            continue
        if default_file is not None:
            f = default_file
        elif group in GROUP_FILE:
            f = GROUP_FILE[group]
        else:
            raise SystemExit(f'no file for group {group} ({name} in {h})')
        if f is None:
            continue
        seen.add(name)
        funcs.append((f, ret, name, parse_params(ps)))

# The LLVMIsA<Class> casts come from a macro list in Core.h.
core_src = open(os.path.join(HDR, 'Core.h')).read()
macro_list = re.search(r'#define LLVM_FOR_EACH_VALUE_SUBCLASS\(macro\)(.*?)\n\s*\n', core_src, re.S).group(1)
isa = re.findall(r'macro\((\w+)\)', macro_list)
for cls in isa:
    funcs.append(('Core.Values', 'LLVMValueRef', f'LLVMIsA{cls}', [Param('LLVMValueRef', 'Val')]))

LIBLLVM = os.environ.get('RAYZOR_LIBLLVM', '/usr/lib/x86_64-linux-gnu/libLLVM-19.so')
exports = None
if os.path.exists(LIBLLVM):
    import subprocess
    nm = subprocess.run(['nm', '-D', '--defined-only', LIBLLVM], capture_output=True, text=True, check=True).stdout
    exports = {line.split()[-1].split('@')[0] for line in nm.splitlines() if line.strip()}
missing = [f[2] for f in funcs if exports is not None and f[2] not in exports]
if missing:
    print('not exported (dropped):', ' '.join(missing), file=sys.stderr)
    funcs = [f for f in funcs if f[2] not in missing]


def cs_name(p):
    m = re.match(r'^([A-Z]+)(.*)$', p)
    if m and len(m.group(1)) > 1 and m.group(2) and m.group(2)[0].islower():
        n = m.group(1)[:-1].lower() + m.group(1)[-1] + m.group(2)  # FPMathTag -> fpMathTag
    elif m and not m.group(2):
        n = p.lower()  # SDK -> sdk
    else:
        n = p[0].lower() + p[1:]
    return '@' + n if n in CS_KEYWORDS else n


def base_type(ct):
    if ct in HANDLES or ct in enums:
        return ct
    if ct in SCALARS:
        return SCALARS[ct]
    if ct == 'LLVMBool':
        return 'bool'
    raise SystemExit(f'unmapped type [{ct}] in {CUR}')


def is_count(p):
    return p is not None and p.ctype in ('unsigned', 'size_t', 'unsigned int', 'uint64_t', 'int64_t') and \
        (re.search(r'(Num|Count|Len|Length|Size)', p.name) is not None or p.name == 'N') and 'Align' not in p.name


def is_strlen(p):
    return p is not None and p.ctype in ('unsigned', 'size_t') and re.search(r'(Len|Length|StringSize|ConstraintsSize)$', p.name) is not None


BYTE_DATA = {'LLVMGetBufferStart'}
OWNED_RESULT = {'LLVMIntrinsicCopyOverloadedName2': 'DisposeMessage',
                'LLVMGetErrorMessage': 'DisposeErrorMessage'}
RAW_ONLY = {'LLVMCreateMessage'}
# LLVM keeps the pointer: a temporary UTF-8 copy would dangle.
NO_STRING_WRAPPER = {'LLVMCreateMemoryBufferWithMemoryRange'}


class Fn:
    pass


def plan(ret, name, params):
    """Classifies every parameter. kinds: plain, bool, str, strbytes(len follows), strlen,
    arr(count follows), count, out, outmsg, ptr."""
    kinds = []
    i = 0
    n = len(params)
    while i < n:
        p = params[i]
        ct = p.ctype
        nxt = params[i + 1] if i + 1 < n else None
        if ct == 'const char *' and is_strlen(nxt) and name in NO_STRING_WRAPPER:
            kinds.extend(['ptr', 'plain'])
            i += 2
            continue
        if ct == 'const char *' and is_strlen(nxt):
            kinds.append('strbytes')
            kinds.append('strlen')
            i += 2
            continue
        if ct == 'char *':
            kinds.append('cptr')  # a C string LLVM allocated and the callee frees
        elif ct == 'const char *':
            kinds.append('str')
        elif ct in ('char **',):
            kinds.append('outmsg')
        elif ct.endswith('**'):
            kinds.append('ptr')
        elif ct.endswith('*') and ct not in SCALARS:
            # consecutive arrays sharing one count
            j = i
            while j < n and params[j].ctype.endswith('*') and params[j].ctype not in SCALARS \
                    and not params[j].ctype.endswith('**') and params[j].ctype not in ('const char *', 'char *'):
                j += 1
            if j < n and is_count(params[j]) and p.name not in OUT_PARAM_NAMES:
                kinds.extend(['arr'] * (j - i))
                kinds.append('count')
                i = j + 1
                continue
            if p.name in OUT_PARAM_NAMES or (p.name.startswith('Out')):
                kinds.append('out')
            elif re.search(r'(Len|Length|NumBits|losesInfo|Major|Minor|Patch|Len)$', p.name) or \
                    p.name in ('Line', 'Column', 'Size', 'Error', 'NumEntries'):
                kinds.append('out')
            else:
                kinds.append('ptr')
        elif ct == 'LLVMBool':
            kinds.append('bool')
        else:
            kinds.append('plain')
        i += 1
    return kinds


def raw_type(p, kind):
    ct = p.ctype
    if kind == 'bool':
        return '[MarshalAs(UnmanagedType.Bool)] bool'
    if kind in ('str',):
        return 'string'
    if kind == 'cptr':
        return 'nint'
    if kind == 'strbytes':
        return 'byte*'
    if kind == 'outmsg':
        return 'out nint'
    if kind in ('arr', 'ptr', 'out'):
        inner = ct[:-1].strip()
        if inner.startswith('const '):
            inner = inner[6:]
        if ct.endswith('**'):
            return 'byte**' if 'char' in ct else 'nint*'
        if inner == 'LLVMBool':
            bt = 'int'
        elif inner == 'char':
            bt = 'byte'
        else:
            bt = base_type(inner)
        return ('out ' + bt) if kind == 'out' else bt + '*'
    return base_type(ct)


def ret_type(ret):
    if ret == 'void':
        return 'void'
    if ret == 'LLVMBool':
        return 'bool'
    if ret in ('const char *', 'char *'):
        return 'byte*'
    if ret == 'const unsigned *':
        return 'uint*'
    if ret.endswith('*') and ret not in SCALARS:
        raise SystemExit('unmapped return ' + ret)
    return base_type(ret)


# LLVMBool results that follow the C convention "0 on success": true means the call FAILED.
TRUE_ON_FAILURE = {'LLVMVerifyModule', 'LLVMVerifyFunction', 'LLVMGetTargetFromTriple',
                   'LLVMTargetMachineEmitToFile', 'LLVMTargetMachineEmitToMemoryBuffer',
                   'LLVMParseIRInContext', 'LLVMCreateMemoryBufferWithContentsOfFile',
                   'LLVMCreateMemoryBufferWithSTDIN', 'LLVMPrintModuleToFile', 'LLVMParseBitcodeInContext2',
                   'LLVMGetBitcodeModuleInContext2', 'LLVMLoadLibraryPermanently'}


def doc_name(name):
    if name in TRUE_ON_FAILURE:
        return (f'/// <summary><c>{name}</c>. Returns <b>true on failure</b> (C convention: 0 = success).'
                '</summary>')
    return f'/// <summary><c>{name}</c></summary>'


out_files = {}


def emit(file, text):
    out_files.setdefault(file, []).append(text)


STR_HELPER = 'Utf8'

dbg = open(os.environ['RAYZOR_GEN_PLANS'], 'w') if 'RAYZOR_GEN_PLANS' in os.environ else open(os.devnull, 'w')
for file, ret, name, params in funcs:
    CUR = name
    kinds = plan(ret, name, params)
    dbg.write(f'{name}: ' + ', '.join(f'{p.ctype} {p.name}={k}' for p, k in zip(params, kinds)) + '\n')
    short = name[4:]
    rt = ret_type(ret)
    wrap_string_ret = ret in ('const char *', 'char *') and name not in BYTE_DATA and name not in RAW_ONLY
    owned = ret == 'char *' or name in OWNED_RESULT
    needs_wrapper_for_outmsg = 'outmsg' in kinds
    raw_public = not wrap_string_ret and not needs_wrapper_for_outmsg
    raw_name = short if raw_public else short + '_Raw'
    vis = 'public' if raw_public else 'private'

    # raw import
    raw_params = []
    for p, k in zip(params, kinds):
        raw_params.append(f'{raw_type(p, k)} {cs_name(p.name)}')
    is_builder_name = params and params[-1].name == 'Name' and kinds[-1] == 'str' and file == 'Core.Builder'

    def with_default(plist, kl, ps):
        if is_builder_name:
            plist = plist[:-1] + [plist[-1] + ' = ""']
        return plist

    lines = []
    lines.append(f'    {doc_name(name)}')
    lines.append(f'    [LibraryImport(Lib, EntryPoint = "{name}", StringMarshalling = StringMarshalling.Utf8)]')
    if rt == 'bool':
        lines.append('    [return: MarshalAs(UnmanagedType.Bool)]')
    lines.append(f'    {vis} static partial {rt} {raw_name}({", ".join(with_default(raw_params, kinds, params) if raw_public else raw_params)});')
    emit(file, '\n'.join(lines))

    # wrapper: spans, strings, string result, out messages
    needs_wrapper = (not raw_public) or ('arr' in kinds) or ('strbytes' in kinds)
    if not needs_wrapper:
        continue
    wparams, pre, args, post, fixeds = [], [], [], [], []
    length_out = None
    first_arr = None
    arrs = []
    group_arrs = []
    for idx, (p, k) in enumerate(zip(params, kinds)):
        n = cs_name(p.name)
        if k == 'arr':
            inner = p.ctype[:-1].strip().replace('const ', '')
            bt = 'int' if inner == 'LLVMBool' else base_type(inner)
            wparams.append(f'ReadOnlySpan<{bt}> {n}')
            fixeds.append(f'fixed ({bt}* p_{n.lstrip("@")} = {n})')
            args.append(f'p_{n.lstrip("@")}')
            arrs.append(n)
            group_arrs.append(n)
        elif k == 'count':
            args.append(f'({base_type(p.ctype)}){group_arrs[0]}.Length')
            if len(group_arrs) > 1:
                for a in reversed(group_arrs[1:]):
                    pre.insert(0, f'if ({a}.Length != {group_arrs[0]}.Length) throw new ArgumentException("{a} and {group_arrs[0]} differ in length", nameof({a}));')
            group_arrs = []
        elif k == 'strbytes':
            wparams.append(f'string {n}')
            pre.append(f'var b_{n.lstrip("@")} = Encoding.UTF8.GetBytes({n});')
            fixeds.append(f'fixed (byte* p_{n.lstrip("@")} = b_{n.lstrip("@")})')
            args.append(f'p_{n.lstrip("@")}')
        elif k == 'strlen':
            prev = cs_name(params[idx - 1].name).lstrip('@')
            args.append(f'({base_type(p.ctype)})b_{prev}.Length')
        elif k == 'outmsg':
            wparams.append(f'out string? {n}')
            pre.append(f'nint m_{n.lstrip("@")};')
            args.append(f'out m_{n.lstrip("@")}')
            post.append(f'{n} = TakeMessage(m_{n.lstrip("@")});')
        elif k == 'out' and wrap_string_ret and re.search(r'(Len|Length)$', p.name) and length_out is None:
            length_out = (n, base_type(p.ctype[:-1].strip()))
            pre.append(f'{length_out[1]} {n};')
            args.append(f'out {n}')
        else:
            t = raw_type(p, k)
            if t.startswith('out '):
                wparams.append(f'{t} {n}')
                args.append(f'out {n}')
            elif t.startswith('[MarshalAs'):
                wparams.append(f'bool {n}')
                args.append(n)
            else:
                wparams.append(f'{t} {n}')
                args.append(n)
    if is_builder_name:
        wparams[-1] += ' = ""'
    call = f'{raw_name}({", ".join(args)})'
    if wrap_string_ret:
        wret = 'string' if owned else 'string?'
        if length_out:
            conv = f'Marshal.PtrToStringUTF8((nint)r, (int){length_out[0]})'
        else:
            conv = 'Marshal.PtrToStringUTF8((nint)r)'
        if owned:
            disposer = OWNED_RESULT.get(name, 'DisposeMessage')
            body_ret = [f'var r = {call};', f'var s = r == null ? "" : {conv} ?? "";',
                        f'if (r != null) {disposer}((nint)r);']
        else:
            body_ret = [f'var r = {call};', f'var s = r == null ? null : {conv};']
        body = pre + body_ret + post + ['return s;']
    elif rt == 'void':
        wret = 'void'
        body = pre + [f'{call};'] + post
    else:
        wret = rt
        body = pre + [f'var r = {call};'] + post + ['return r;']
    lines = [f'    {doc_name(name)}', f'    public static {wret} {short}({", ".join(wparams)})', '    {']
    if fixeds:
        # pre statements declaring byte arrays must precede the fixed block
        decl = [b for b in body if b.startswith('var b_') or (b.startswith('if (') and '.Length !=' in b) or b.startswith('nint m_') or (length_out and b.startswith(f'{length_out[1]} '))]
        rest = [b for b in body if b not in decl]
        for b in decl:
            lines.append('        ' + b)
        for fx in fixeds:
            lines.append('        ' + fx)
        lines.append('        {')
        for b in rest:
            lines.append('            ' + b)
        lines.append('        }')
    else:
        for b in body:
            lines.append('        ' + b)
    lines.append('    }')
    emit(file, '\n'.join(lines))

HEADER = '''// <auto-generated>
// Generated by Interop/Generator/generate.py from the LLVM 19 C headers (llvm-c/*.h).
// Do not edit by hand: change the generator (or add a hand-written partial file) and regenerate.
// </auto-generated>
#nullable enable
'''

os.makedirs(OUT, exist_ok=True)
for file, parts in sorted(out_files.items()):
    title = FILE_TITLE.get(file, '')
    with open(os.path.join(OUT, f'{file}.g.cs'), 'w') as fo:
        fo.write(HEADER)
        fo.write('using System.Runtime.InteropServices;\nusing System.Text;\n\n')
        fo.write('namespace Rayzor.LlvmBackend.Interop;\n\n')
        fo.write(f'/// <summary>LLVM-C bindings: {title}</summary>\n')
        fo.write('public static unsafe partial class LLVM\n{\n')
        fo.write('\n\n'.join(parts))
        fo.write('\n}\n')

# enums
with open(os.path.join(OUT, 'Enums.g.cs'), 'w') as fo:
    fo.write(HEADER)
    fo.write('namespace Rayzor.LlvmBackend.Interop;\n\n')
    flags = {'LLVMDIFlags'}
    for name, members in sorted(enums.items()):
        fo.write(f'/// <summary>The C enum <c>{name}</c>.</summary>\n')
        if name in flags:
            fo.write('[Flags]\n')
        fo.write(f'public enum {name}\n{{\n')
        for k, v in members:
            if v is None:
                fo.write(f'    {k},\n')
            else:
                v = re.sub(r'([0-9])U\b', r'\1', v)  # 1U << 0: the enums are int
                fo.write(f'    {k} = {v},\n')
        fo.write('}\n\n')

# handles
with open(os.path.join(OUT, 'Handles.g.cs'), 'w') as fo:
    fo.write(HEADER)
    fo.write('namespace Rayzor.LlvmBackend.Interop;\n\n')
    for h in HANDLES:
        fo.write(f'/// <summary>{HANDLE_DOC[h]} A typed wrapper of the C pointer; <c>default</c> is null.</summary>\n')
        fo.write(f'public readonly record struct {h}(nint Handle)\n{{\n')
        fo.write('    /// <summary>True when the handle is the C null pointer.</summary>\n')
        fo.write('    public bool IsNull => Handle == 0;\n')
        fo.write(f'    /// <summary>The null handle.</summary>\n    public static {h} Null => default;\n')
        fo.write('}\n\n')

print(f'{len(funcs)} functions, {len(enums)} enums, {len(out_files)} files', file=sys.stderr)
