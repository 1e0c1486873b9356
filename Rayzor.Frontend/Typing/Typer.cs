using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// The result of typing: every class reached from the main class, with typed fields.
public sealed class TypedProgram(ClassSymbol mainClass, FieldSymbol mainMethod, IReadOnlyList<ClassSymbol> classes, CoreTypes core)
{
    public ClassSymbol MainClass { get; } = mainClass;
    public FieldSymbol MainMethod { get; } = mainMethod;

    /// Classes in the order their static initializers run.
    public IReadOnlyList<ClassSymbol> Classes { get; } = classes;
    public CoreTypes Core { get; } = core;

    /// Enums whose values the program uses.
    public IReadOnlyList<EnumSymbol> Enums { get; init; } = [];

    /// User abstracts whose functions the program calls.
    public IReadOnlyList<AbstractSymbol> Abstracts { get; init; } = [];

    /// `haxe.EntryPoint.run`, called after `main`, when the program uses Haxe's event loop.
    public FieldSymbol? EventLoop { get; init; }
}

/// Types Haxe modules lazily: only what is reachable from `main` is typed.
public sealed partial class Typer
{
    private readonly ModuleLoader _loader;
    private readonly DiagnosticBag _diags;
    private readonly Queue<FieldSymbol> _pending = new();
    private readonly List<ClassSymbol> _classOrder = new();
    private readonly HashSet<ClassSymbol> _classSeen = new();
    private CoreTypes _core = null!;
    private int _nextLocalId;

    // state of the function being typed
    private ModuleSymbol _module = null!;
    private TypeSymbol? _type;
    private FieldSymbol? _field;
    private readonly List<Dictionary<string, LocalSymbol>> _scopes = new();
    private readonly List<IReadOnlyList<TParam>> _typeParamScopes = new();
    private HType? _returnType;

    /// Set when the function being typed returns a value: a result type still unknown at its end
    /// is then left to later inference instead of becoming Void.
    private bool _returnsValue;
    private int _loopDepth;
    private HType? _expectedForIdent;

    public Typer(ModuleLoader loader)
    {
        _loader = loader;
        _diags = loader.Diagnostics;
    }

    public CoreTypes Core => _core;

    /// Types the program whose entry is `mainClass.main()`; null when it cannot even start.
    public TypedProgram? TypeProgram(string mainClassPath, TextSpan mainSpan)
    {
        if (!LoadCoreTypes()) return null;
        var mainType = ResolveDottedType(mainClassPath, mainSpan);
        if (mainType is not ClassSymbol mainClass)
        {
            if (mainType == null) _diags.Error("RZ0100", mainSpan, $"Type not found : {mainClassPath}");
            else _diags.Error("RZ0101", mainSpan, $"{mainClassPath} is not a class");
            return null;
        }
        BuildClassHeader(mainClass);
        if (!mainClass.Statics.TryGetValue("main", out var main) || main.Kind != FieldKindTag.Method)
        {
            _diags.Error("RZ0102", mainClass.Decl.Span, $"Invalid -main : {mainClassPath} does not have static function main");
            return null;
        }
        if (main.Decl.Kind is MethodField { Function.Args.Count: > 0 })
        {
            // the entry calls main() with nothing (Haxe's own words)
            _diags.Error("RZ0102", mainClass.Decl.Span, $"Invalid -main : {mainClassPath} has invalid main function");
            return null;
        }
        UseClass(mainClass);
        Enqueue(main);
        while (_pending.Count > 0) TypeField(_pending.Dequeue());
        var eventLoop = EventLoop();
        CheckUserModules();
        SortDiagnostics();
        return new TypedProgram(mainClass, main, _classOrder, _core) { Enums = _enums, Abstracts = _abstracts, EventLoop = eventLoop };
    }

    /// `haxe.EntryPoint.run` when the program uses Haxe's event loop (haxe.MainLoop, so also
    /// haxe.Timer's `delay` and `run`): as Haxe does, it runs after `main` returns (typed now).
    private FieldSymbol? EventLoop()
    {
        if (!_classOrder.Any(c => c.FullName == "haxe.MainLoop") || ResolveDottedType("haxe.EntryPoint", TextSpan.None) is not ClassSymbol entryPoint)
            return null;
        UseClass(entryPoint);
        if (!entryPoint.Statics.TryGetValue("run", out var run) || run.Kind != FieldKindTag.Method)
            return null;
        Enqueue(run);
        while (_pending.Count > 0) TypeField(_pending.Dequeue());
        return run;
    }

    private bool LoadCoreTypes()
    {
        var stdTypes = _loader.Load("StdTypes");
        var stringMod = _loader.Load("String");
        AbstractSymbol? Abs(string n) => stdTypes?.Find(n) as AbstractSymbol;
        var i = Abs("Int"); var f = Abs("Float"); var b = Abs("Bool"); var v = Abs("Void"); var nul = Abs("Null"); var dyn = Abs("Dynamic");
        var str = stringMod?.Find("String") as ClassSymbol;
        if (i == null || f == null || b == null || v == null || nul == null || dyn == null || str == null)
        {
            _diags.Error("RZ0103", TextSpan.None,
                "Standard library not found: StdTypes.hx and String.hx must be on the class path (set HAXE_STD_PATH or install the Debian package haxe)");
            return false;
        }
        foreach (var a in new[] { nul, dyn }) a.Params.Add(new TParam("T", []));
        _core = new CoreTypes
        {
            IntSym = i, FloatSym = f, BoolSym = b, VoidSym = v, NullSym = nul, DynamicSym = dyn, StringSym = str,
            Int = new TAbstract(i, []), Float = new TAbstract(f, []), Bool = new TAbstract(b, []),
            Void = new TAbstract(v, []), String = new TInst(str, []),
        };
        BuildClassHeader(str);
        return true;
    }

    /// Marks a class as used: its header is built and its static initializers will run.
    private void UseClass(ClassSymbol cls)
    {
        if (!_classSeen.Add(cls)) return;
        BuildClassHeader(cls);
        if (cls.Super != null) UseClass(cls.Super.Class);
        _classOrder.Add(cls);
        foreach (var f in cls.DeclaredFields)
        {
            if (f.IsExtern) continue;
            if (f.IsStatic && f.Kind == FieldKindTag.Var && f.Decl.Kind is VarField { Init: not null }) Enqueue(f);
            // an instantiated class may be called through its vtable: every instance member is compiled
            if (!f.IsStatic && (f.Kind == FieldKindTag.Method || f.Decl.Kind is VarField { Init: not null } or PropertyField { Init: not null })) Enqueue(f);
        }
    }

    /// A method whose return or argument types are inferred is typed at its first use, so callers see
    /// the types its body gives them (`function new(w, h) { this.w = w; ... }` takes Floats).
    private void EnsureTyped(FieldSymbol f)
    {
        if (f.Typed || _inProgress.Contains(f)) return; // recursion: the type is not known yet
        if (f.IsExtern) return;
        var inferred = f.Type is TFun { Return: var r } tf
            ? (Prune(r) is TMono || tf.Args.Any(a => Prune(a.Type) is TMono)) && f.Decl.Kind is MethodField { Function.Body: not null }
            : Prune(f.Type!) is TMono && f.Decl.Kind is VarField { Init: not null } or PropertyField { Init: not null };
        if (inferred) TypeField(f);
    }

    private readonly HashSet<FieldSymbol> _inProgress = new();

    private void Enqueue(FieldSymbol f)
    {
        if (f.Typed || f.Typing) return;
        f.Typing = true;
        _pending.Enqueue(f);
    }

    private void TypeField(FieldSymbol f)
    {
        if (f.Typed || !_inProgress.Add(f)) return;
        if (_checkOnly) _checkTyped.Add(f);
        if (f.Owner is ClassSymbol c) BuildClassHeader(c);
        if (f.Owner is AbstractSymbol fa) BuildAbstractHeader(fa);
        var saved = (_module, _type, _field, _returnType, _loopDepth, _returnsValue);
        var savedArgument = (_argumentDepth, _typingResult);
        (_argumentDepth, _typingResult) = (-1, false); // another function's errors are its own
        var savedScopes = _scopes.ToList();
        var savedParams = _typeParamScopes.ToList();
        _module = f.Owner.Module;
        _type = f.Owner;
        _field = f;
        var savedFrames = _frames.ToList();
        _frames.Clear();
        _scopes.Clear();
        _typeParamScopes.Clear();
        _typeParamScopes.Add(f.Owner.Params);
        _typeParamScopes.Add(f.Params);
        _loopDepth = 0;
        try
        {
            switch (f.Decl.Kind)
            {
                case MethodField m when m.Function.Body != null && !f.IsExtern:
                    var fun = (TFun)f.Type!;
                    PushScope();
                    // abstract members see their value as a local `this`: an argument, or the constructor's result
                    LocalSymbol? abstractThis = null;
                    if (f.Owner is AbstractSymbol ownerAbs)
                    {
                        var under = ownerAbs.Underlying ?? TDynamic.Instance;
                        abstractThis = DeclareLocal("this", under, f.Decl.Span);
                        if (!f.IsStatic) { f.ArgLocals.Add(abstractThis); f.AbstractThis = abstractThis; }
                    }
                    foreach (var (arg, i) in m.Function.Args.Select((a, i) => (a, i)))
                    {
                        var local = DeclareLocal(arg.Name, fun.Args[i].Type, arg.Span);
                        f.ArgLocals.Add(local);
                    }
                    _returnType = fun.Return;
                    _returnsValue = false;
                    var body = TypeExpr(m.Function.Body, null);
                    if (f.Name != "new") CheckMissingReturn(fun.Return, body, m.Function.Body.Span);
                    CheckVarInit(body);
                    if (f.Owner is AbstractSymbol && f.Name == "new" && abstractThis != null)
                    {
                        var thisValue = new TCast(f.Decl.Span, fun.Return, new TLocal(f.Decl.Span, abstractThis), CastKind.Retype);
                        body = new TBlock(body.Span, _core.Void, [new TVar(f.Decl.Span, _core.Void, abstractThis, null), body, new TReturn(f.Decl.Span, _core.Void, thisValue)]);
                    }
                    PopScope();
                    f.Body = body;
                    if (f.ThisByRef && !f.IsInline) f.ThisByRef = false; // a plain function changes its own copy
                    if (f.ThisByRef) f.AbstractThis!.Captured = true;
                    if (Prune(fun.Return) is TMono unknown && !_returnsValue) unknown.Bound = _core.Void; // no `return e` seen
                    break;
                case VarField { Init: { } init }:
                    _returnType = null;
                    PushScope();
                    // Haxe reports a mismatch of the initial value at the whole field declaration
                    f.Body = Coerce(TypeExpr(init, f.Type), f.Type!, f.Decl.Span);
                    PopScope();
                    break;
                case PropertyField { Init: { } init2 }:
                    PushScope();
                    f.Body = Coerce(TypeExpr(init2, f.Type), f.Type!, f.Decl.Span);
                    PopScope();
                    break;
            }
        }
        finally
        {
            f.Typed = true;
            f.Typing = false;
            _inProgress.Remove(f);
            (_module, _type, _field, _returnType, _loopDepth, _returnsValue) = saved;
            (_argumentDepth, _typingResult) = savedArgument;
            _scopes.Clear();
            _scopes.AddRange(savedScopes);
            _typeParamScopes.Clear();
            _typeParamScopes.AddRange(savedParams);
            _frames.Clear();
            _frames.AddRange(savedFrames);
        }
    }

    // ---- scopes and locals ----

    private void PushScope() => _scopes.Add(new Dictionary<string, LocalSymbol>());

    private void PopScope() => _scopes.RemoveAt(_scopes.Count - 1);

    private LocalSymbol DeclareLocal(string name, HType type, TextSpan span, bool isFinal = false)
    {
        var local = new LocalSymbol(_nextLocalId++, name, type, span) { IsFinal = isFinal, Owner = CurrentFunction };
        _scopes[^1][name] = local;
        return local;
    }

    private LocalSymbol? LookupLocal(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
            if (_scopes[i].TryGetValue(name, out var l)) return l;
        return null;
    }

    private void Error(TextSpan span, string message, string code = "RZ0200")
    {
        var d = new Diagnostics.Diagnostic(Diagnostics.Severity.Error, code, message, span);
        _diags.Add(d);
        if (_argumentDepth >= 0 && _frames.Count - (_typingResult ? 1 : 0) > _argumentDepth) _nestedErrors.Add(d);
    }

    /// The function depth of the call argument being typed (-1: none); errors met deeper, in the
    /// body of a function literal, do not end the call's typing (Haxe reports them all).
    private int _argumentDepth = -1;

    /// Set while an expression-bodied function literal's value is checked against its expected
    /// result: Haxe treats that error as the argument's own.
    private bool _typingResult;

    private readonly HashSet<Diagnostics.Diagnostic> _nestedErrors = new(ReferenceEqualityComparer.Instance);

    /// The code of errors Haxe finds in its filters, after typing everything: reported last.
    private const string LateCode = "RZ0290";

    /// Puts the typer's diagnostics in source order, as Haxe reports them; a note (`... text`)
    /// stays after the diagnostic it explains.
    private void SortDiagnostics()
    {
        var groups = new List<List<Diagnostics.Diagnostic>>();
        foreach (var d in _diags.Items)
        {
            if (d.Message.StartsWith("... ", StringComparison.Ordinal) && groups.Count > 0) groups[^1].Add(d);
            else groups.Add([d]);
        }
        // by line: on one line, Haxe's order is the order of typing
        int Line(Diagnostics.Diagnostic d) => d.Span.FileId < 0 ? 0 : _loader.Sources[d.Span.FileId].LineOf(d.Span.Start);
        var sorted = groups.Select((g, i) => (g, i)).OrderBy(x => x.g[0].Code == LateCode)
            .ThenBy(x => x.g[0].Span.FileId < 0 ? int.MinValue : x.g[0].Span.FileId)
            .ThenBy(x => Line(x.g[0])).ThenBy(x => x.i).SelectMany(x => x.g).ToList();
        _diags.Replace(sorted);
    }

    /// The value of an expression that already failed: later checks accept it silently, so one
    /// mistake gives one message.
    private static readonly object Poison = new();

    private static TExpr Poisoned(TextSpan span) => new TConst(span, TDynamic.Instance, Poison);

    private static bool IsPoisoned(TExpr e) => e is TConst { Value: var v } && ReferenceEquals(v, Poison);

    /// A construct the parser accepts but Rayzor does not compile yet.
    private TExpr Unsupported(TextSpan span, string what)
    {
        Error(span, $"{what} is not supported yet", "RZ0900");
        return Poisoned(span);
    }
}
