using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// Call positions as `haxe.PosInfos`: an optional argument of that type left out by a call gets
/// the caller's position, and `trace(v, extras...)` is `haxe.Log.trace(v, infos)` with the extras
/// as `infos.customParams`.
public sealed partial class Typer
{
    private TypedefSymbol? _posInfos;

    private TypedefSymbol? PosInfosSym
    {
        get
        {
            if (_posInfos == null && _loader.Load("haxe.PosInfos")?.Find("PosInfos") is TypedefSymbol td)
            {
                BuildTypedef(td);
                _posInfos = td;
            }
            return _posInfos;
        }
    }

    private bool IsPosInfos(HType t)
    {
        while (t is TMono { Bound: { } b }) t = b;
        if (t is TAbstract { Abstract: var a, Params: [var inner] } && a == _core.NullSym) return IsPosInfos(inner);
        return t is TType { Typedef: var td } && td == PosInfosSym;
    }

    /// `{ fileName, lineNumber, className, methodName, ?customParams }` of the position `span`.
    private TExpr PosInfosExpr(TextSpan span, TExpr? customParams)
    {
        var file = _loader.Sources[span.FileId];
        var fields = new List<(string, TExpr)>
        {
            ("fileName", new TConst(span, _core.String, file.Path)),
            ("lineNumber", new TConst(span, _core.Int, file.LineOf(span.Start))),
            ("className", new TConst(span, _core.String, _type?.FullName ?? "")),
            ("methodName", new TConst(span, _core.String, _field?.Name ?? "")),
        };
        if (customParams != null) fields.Add(("customParams", customParams));
        HType type = PosInfosSym is { } td ? new TType(td, []) : new TAnon(fields.Select(f => new AnonField(f.Item1, f.Item2.Type, false)).ToList());
        return new TObjectDecl(span, type, fields);
    }

    /// `trace(v, extras...)`: `haxe.Log.trace(v, infos)`, printed directly unless the program
    /// assigns `haxe.Log.trace` (TTrace).
    private TExpr TypeTrace(CallExpr c)
    {
        if (c.Args.Count == 0) { Error(c.Span, "Not enough arguments"); return new TConst(c.Span, _core.Void, null); }
        var before = _diags.Items.Count;
        var first = TypeValue(c.Args[0]); // (a `switch` or `if` there yields a value)
        NoteArgument(before, new FunArg("v", false, TDynamic.Instance), c.Args[0].Span); // trace(v) is haxe.Log.trace(v, infos)
        TExpr value = first;
        var extras = new List<TExpr>();
        for (var i = 1; i < c.Args.Count; i++)
        {
            var more = TypeValue(c.Args[i]);
            extras.Add(Coerce(more, TDynamic.Instance, c.Args[i].Span));
            value = new TBinary(c.Span, _core.String, BinaryOp.Add,
                new TBinary(c.Span, _core.String, BinaryOp.Add, ToStringExpr(value), new TConst(c.Span, _core.String, ",")), ToStringExpr(more));
        }
        var file = _loader.Sources[c.Span.FileId];
        TExpr? call = null;
        if (_loader.Load("haxe.Log")?.Find("Log") is ClassSymbol log)
        {
            BuildClassHeader(log);
            if (log.Statics.TryGetValue("trace", out var f) && f.Kind == FieldKindTag.Method)
            {
                var callee = StaticFieldExpr(c.Span, log, f);
                var dynamicElems = ArrayOf(TDynamic.Instance);
                var custom = extras.Count == 0 ? null : new TArrayDecl(c.Span, dynamicElems, TDynamic.Instance, extras);
                call = new TCall(c.Span, _core.Void, callee, [Coerce(first, TDynamic.Instance, c.Args[0].Span), PosInfosExpr(c.Span, custom)]);
            }
        }
        return new TTrace(c.Span, _core.Void, value, file.Path, file.LineOf(c.Span.Start), call);
    }
}
