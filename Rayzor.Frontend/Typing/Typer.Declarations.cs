using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// Checks of the program's own modules, as Haxe makes them when it loads a module: every type
/// is built and every field typed even when `main` never reaches it (imports, class structure:
/// duplicate fields, overrides, interfaces). What only this pass reaches is typed for its errors
/// and then dropped, so the compiled program still holds only what `main` reaches.
public sealed partial class Typer
{
    /// Tells the program's own modules (fully checked) from library and standard ones (typed
    /// only where used). Null: no module is fully checked.
    public Func<ModuleSymbol, bool>? IsUserModule { get; init; }

    /// Set while typing what only the checking pass reaches.
    private bool _checkOnly;
    private readonly List<FieldSymbol> _checkTyped = new();

    private void CheckUserModules()
    {
        if (IsUserModule == null) return;
        var classes = _classOrder.Count;
        var enums = _enums.Count;
        var abstracts = _abstracts.Count;
        _checkOnly = true;
        var done = new HashSet<ModuleSymbol>();
        while (true)
        {
            // typing may load more modules of the program
            var next = _loader.Loaded.Where(m => !done.Contains(m) && IsUserModule(m)).ToList();
            if (next.Count == 0) break;
            foreach (var m in next)
            {
                done.Add(m);
                CheckModule(m);
                while (_pending.Count > 0) TypeField(_pending.Dequeue());
            }
        }
        _checkOnly = false;
        // what only this pass typed is not part of the program
        foreach (var f in _checkTyped) f.Body = null;
        _classOrder.RemoveRange(classes, _classOrder.Count - classes);
        _enums.RemoveRange(enums, _enums.Count - enums);
        _abstracts.RemoveRange(abstracts, _abstracts.Count - abstracts);
    }

    private void CheckModule(ModuleSymbol m)
    {
        var saved = _module;
        _module = m;
        foreach (var imp in m.Syntax.Imports) CheckImport(imp);
        _module = saved;
        foreach (var t in m.Types)
        {
            switch (t)
            {
                case ClassSymbol c:
                    BuildClassHeader(c);
                    CheckClass(c);
                    foreach (var f in c.DeclaredFields)
                        if (!f.IsExtern) TypeField(f);
                    break;
                case AbstractSymbol { IsCoreType: false } a:
                    BuildAbstractHeader(a);
                    foreach (var f in a.Statics.Values.Concat(a.Fields.Values).ToList())
                        if (!f.IsExtern && !f.Typed) TypeField(f);
                    break;
                case EnumSymbol e:
                    BuildEnum(e);
                    break;
                case TypedefSymbol td:
                    BuildTypedef(td);
                    break;
            }
        }
    }

    /// `import pack.Type;`, `import pack.Module.Sub;` or `import pack.Type.field;` must name something.
    private void CheckImport(ImportDecl imp)
    {
        if (imp.Wildcard || imp.Path.Count == 0) return;
        if (ResolveImportPath(imp.Path) != null || _loader.Load(string.Join('.', imp.Path)) != null) return;
        if (imp.Path.Count >= 2 && ResolveImportPath(imp.Path.Take(imp.Path.Count - 1).ToList()) is ClassSymbol cls)
        {
            BuildClassHeader(cls);
            if (cls.Statics.ContainsKey(imp.Path[^1])) return;
        }
        if (imp.Path.Count >= 2 && ResolveImportPath(imp.Path.Take(imp.Path.Count - 1).ToList()) is AbstractSymbol or EnumSymbol) return;
        var path = string.Join('.', imp.Path);
        Error(PathSpanIn(imp.Span, path), $"Type not found : {path}");
    }

    /// Where `path` is written inside `span` (Haxe points at the path of an import, not the keyword).
    private TextSpan PathSpanIn(TextSpan span, string path)
    {
        if (span.FileId < 0) return span;
        var bytes = _loader.Sources[span.FileId].Bytes;
        var text = System.Text.Encoding.UTF8.GetString(bytes, span.Start, Math.Min(span.End, bytes.Length) - span.Start);
        var at = text.IndexOf(path, StringComparison.Ordinal);
        return at < 0 ? span : new TextSpan(span.FileId, span.Start + at, span.Start + at + path.Length);
    }

    // ---- class structure ----

    private void CheckClass(ClassSymbol c)
    {
        if (c.Name.EndsWith(ModuleLoader.ModuleFieldsSuffix, StringComparison.Ordinal)) return;
        var seen = new HashSet<string>();
        foreach (var f in c.DeclaredFields)
            if (!seen.Add(f.Name))
                Error(f.Decl.NameSpan, $"Duplicate class field declaration : {c.FullName}.{f.Name}");
        if (c.IsInterface) return;
        foreach (var f in c.DeclaredFields) CheckOverride(c, f);
        if ((c.Decl.Modifiers & Modifiers.Abstract) == 0) CheckInterfaces(c);
    }

    private static bool IsFinal(FieldSymbol f) => (f.Decl.Modifiers & Modifiers.Final) != 0 || f.Meta(":final") != null;

    private void CheckOverride(ClassSymbol c, FieldSymbol f)
    {
        if (f.IsStatic || f.Name == "new") return;
        var inherited = c.Super?.Class.FindField(f.Name);
        var isOverride = (f.Decl.Modifiers & Modifiers.Override) != 0;
        if (f.Kind != FieldKindTag.Method)
        {
            if (inherited != null)
                Error(f.Decl.NameSpan, $"Redefinition of variable {f.Name} in subclass is not allowed. Previously declared at {inherited.Owner.Name}");
            return;
        }
        if (inherited == null)
        {
            if (isOverride) Error(f.Decl.NameSpan, $"Field {f.Name} is declared 'override' but doesn't override any field");
            return;
        }
        if (inherited.Kind != FieldKindTag.Method) return;
        if (IsFinal(inherited)) Error(f.Decl.NameSpan, $"Cannot override final method {f.Name}");
        else if (!isOverride)
            Error(f.Decl.NameSpan, $"Field {f.Name} should be declared with 'override' since it is inherited from superclass {inherited.Owner.Name}");
        else CheckOverrideType(c, f, inherited);
    }

    /// An override takes the same arguments and returns what the parent's result allows.
    private void CheckOverrideType(ClassSymbol c, FieldSymbol f, FieldSymbol inherited)
    {
        if (f.Type == null || inherited.Type == null) return;
        var self = new TInst(c, c.Params.Cast<HType>().ToList());
        var want = inherited.Owner is ClassSymbol owner && AsInstanceOf(self, owner) is { Params.Count: > 0 } view
            ? TypeSubst.Apply(inherited.Type, owner.Params, view.Params) : inherited.Type;
        var have = f.Params.Count > 0 && f.Params.Count == inherited.Params.Count ? TypeSubst.Apply(f.Type, f.Params, inherited.Params) : f.Type;
        // what is still being inferred (an unannotated argument or result) is checked by typing
        if (have.Follow() is TFun hf && want.Follow() is TFun wf && hf.Args.Count == wf.Args.Count)
            have = new TFun(hf.Args.Select((a, i) => Prune(a.Type) is TMono || Prune(wf.Args[i].Type) is TMono ? a with { Type = wf.Args[i].Type } : a).ToList(),
                Prune(hf.Return) is TMono || Prune(wf.Return) is TMono ? wf.Return : hf.Return);
        if (FieldTypeMismatch(have, want) is not { } why) return;
        Error(f.Decl.NameSpan, $"Field {f.Name} overrides parent class with different or incomplete type");
        Error(inherited.Decl.NameSpan, "... Base field is defined here");
        foreach (var line in why) Error(f.Decl.NameSpan, "... " + line);
    }

    /// <summary>
    /// The instance fields of every interface <paramref name="c"/> implements (and of their
    /// parents), each once, with its type as <paramref name="c"/> sees it (the interface's type
    /// parameters replaced by the class's arguments).
    /// </summary>
    private IEnumerable<(ClassSymbol Iface, FieldSymbol Want, HType WantType)> InterfaceFields(ClassSymbol c)
    {
        var self = new TInst(c, c.Params.Cast<HType>().ToList());
        var visited = new HashSet<ClassSymbol>();
        var pending = new Stack<ClassSymbol>(c.Interfaces.Select(i => i.Class).Reverse());
        while (pending.TryPop(out var iface))
        {
            if (!visited.Add(iface)) continue;
            BuildClassHeader(iface);
            var view = AsInstanceOf(self, iface);
            foreach (var want in iface.DeclaredFields)
                if (!want.IsStatic && want.Type != null)
                    yield return (iface, want, view != null && iface.Params.Count > 0 ? TypeSubst.Apply(want.Type, iface.Params, view.Params) : want.Type);
            foreach (var parent in iface.Interfaces.AsEnumerable().Reverse()) pending.Push(parent.Class);
        }
    }

    /// Every field of every interface the class implements (and of their parents) must be there,
    /// with a type that fits.
    private void CheckInterfaces(ClassSymbol c)
    {
        var self = new TInst(c, c.Params.Cast<HType>().ToList());
        foreach (var (iface, want, wantType) in InterfaceFields(c))
        {
            var have = c.FindField(want.Name);
            if (have == null)
            {
                Error(c.Decl.NameSpan, $"Field {want.Name} needed by {iface.FullName} is missing");
                continue;
            }
            if (have.Owner == c && !IsPublic(have)) Error(have.Decl.NameSpan, $"Field {want.Name} should be public as requested by {iface.FullName}");
            var haveType = have.Owner is ClassSymbol owner && AsInstanceOf(self, owner) is { Params.Count: > 0 } hv
                ? TypeSubst.Apply(have.Type!, owner.Params, hv.Params) : have.Type!;
            // a generic method's own parameters stand for the interface method's
            if (have.Params.Count > 0 && have.Params.Count == want.Params.Count) haveType = TypeSubst.Apply(haveType, have.Params, want.Params);
            if (FieldTypeMismatch(haveType, wantType) is { } why)
            {
                var at = have.Owner == c ? have.Decl.NameSpan : c.Decl.NameSpan;
                Error(at, $"Field {want.Name} has different type than in {iface.FullName}");
                Error(WithSemicolon(want.Decl.Span), "... Interface field is defined here");
                foreach (var line in why) Error(at, "... " + line);
            }
        }
    }

    /// <summary>
    /// Arguments and results of <paramref name="c"/>'s methods written without a hint take the
    /// types of the interface methods they implement (`visitNum(n)` implementing `visitNum(n:R):R`
    /// of a `Visitor<Int>`: n is an Int), as Haxe unifies them when it checks the interfaces —
    /// before the bodies are typed (a body passing n to `Std.string` would make it Dynamic).
    /// Called once the class's header is built.
    /// </summary>
    private void InferFromInterfaces(ClassSymbol c)
    {
        if (c.IsInterface || c.Interfaces.Count == 0) return;
        foreach (var (_, want, wantType) in InterfaceFields(c))
        {
            if (want.Kind != FieldKindTag.Method || !c.Fields.TryGetValue(want.Name, out var have) || have.Owner != c || have.Type == null || have.Params.Count > 0) continue;
            if (have.Type.Follow() is not TFun hf || wantType.Follow() is not TFun wf || hf.Args.Count != wf.Args.Count) continue;
            for (var i = 0; i < hf.Args.Count; i++)
                if (Prune(hf.Args[i].Type) is TMono) Unify(hf.Args[i].Type, wf.Args[i].Type);
            if (Prune(hf.Return) is TMono) Unify(hf.Return, wf.Return);
        }
    }

    /// Why a class field's type does not fit the interface's, in Haxe's words; null when it fits.
    private List<string>? FieldTypeMismatch(HType have, HType want)
    {
        if (have.Follow() is TFun hf && want.Follow() is TFun wf)
        {
            if (hf.Args.Count != wf.Args.Count) return ["Different number of function arguments"];
            string Shape(TFun f, int k) => "(" + string.Join(", ", f.Args.Select((a, i) => i == k ? a.Type.ToString() : "...")) + ") -> ...";
            for (var i = 0; i < hf.Args.Count; i++)
                if (!SameType(hf.Args[i].Type, wf.Args[i].Type))
                    return [$"error: {hf.Args[i].Type} should be {wf.Args[i].Type}", "have: " + Shape(wf, i), "want: " + Shape(hf, i)];
            if (!_core.IsVoid(wf.Return) && !CanUnify(hf.Return, wf.Return) || _core.IsVoid(wf.Return) && !_core.IsVoid(hf.Return))
                return [$"error: {hf.Return} should be {wf.Return}", $"have: (...) -> {hf.Return}", $"want: (...) -> {wf.Return}"];
            return null;
        }
        if (have.Follow() is TFun != want.Follow() is TFun) return [$"{have} should be {want}"];
        return SameType(have, want) ? null : [$"{have} should be {want}"];
    }
}
