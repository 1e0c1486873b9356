using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    private ClassSymbol? _arraySym;

    /// The std `Array` class.
    private ClassSymbol ArraySym => _arraySym ??= (ClassSymbol)(_loader.Load("Array")?.Find("Array")
        ?? throw new InvalidOperationException("Array.hx not found in the standard library"));

    private HType ArrayOf(HType elem) => MakeType(ArraySym, [elem], TextSpan.None);

    /// The element type when `t` is an Array, else null.
    private HType? ArrayElem(HType t) => t.Follow() is TInst i && i.Class == ArraySym ? i.Params[0] : null;

    /// The element type when `t` is Rayzor's extern `haxe.ds.Vector` (an Array of fixed length at run time), else null.
    private static HType? VectorElem(HType t) =>
        t.Follow() is TInst { Class: { Name: "Vector", IsExtern: true, Module.Pack: ["haxe", "ds"] } } i ? i.Params[0] : null;

    private TExpr TypeArrayLiteral(ArrayLiteral a, HType? expected)
    {
        if (a.Items.Count == 1 && a.Items[0] is ForExpr or WhileExpr) return IsMapComprehension(a.Items[0]) ? TypeMapComprehension(a) : TypeComprehension(a);
        if (a.Items.Count > 0 && a.Items[0] is BinaryExpr { Op: BinaryOp.Arrow }) return TypeMapLiteral(a, expected);
        var expectedElem = expected != null ? ArrayElem(expected) : null;
        var items = a.Items.Select(x => expectedElem != null ? TypeExpr(x, expectedElem) : TypeValue(x)).ToList();
        HType elem;
        if (expectedElem != null) elem = expectedElem;
        else if (items.Count == 0) elem = new TMono();
        else
        {
            elem = items[0].Type;
            for (var i = 1; i < items.Count; i++)
            {
                if (SameType(elem, items[i].Type)) continue;
                // (a null seen before keeps the element nullable: `[1, null, 2.5]` is Array<Null<Float>>)
                if (_core.NullInner(elem) is { } inner ? _core.IsNumeric(inner) : _core.IsNumeric(elem))
                    if (_core.IsNumeric(items[i].Type))
                    {
                        if (_core.IsFloat(items[i].Type)) elem = _core.NullInner(elem) != null ? _core.Null(_core.Float) : _core.Float;
                        continue;
                    }
                if (items[i] is TConst { Value: null })
                {
                    // (left unbound: a later Float element may still make the elements Null<Float>)
                    if (_core.IsBasic(elem)) elem = _core.Null(elem);
                    continue;
                }
                if (items[0] is TConst { Value: null }) { elem = _core.IsBasic(items[i].Type) ? _core.Null(items[i].Type) : items[i].Type; continue; }
                if (!Unify(items[i].Type, elem) && Unify(elem, items[i].Type)) elem = items[i].Type;
            }
        }
        if (expectedElem == null)
            for (var i = 1; i < items.Count; i++)
            {
                if (IsPoisoned(items[i]) || items[i] is TConst { Value: null } || CanUnify(items[i].Type, elem) || Prune(items[i].Type) is TMono || Prune(elem) is TMono) continue;
                Error(a.Items[i].Span, "Arrays of mixed types are only allowed if the type is forced to Array<Dynamic>");
                Error(a.Items[i].Span, $"{items[i].Type} should be {elem}");
                return Poisoned(a.Span);
            }
        // Haxe reports an element that does not fit the expected type at the whole literal
        items = items.Select((x, i) => Coerce(x, elem, expectedElem != null ? a.Span : a.Items[i].Span)).ToList();
        return new TArrayDecl(a.Span, ArrayOf(elem), elem, items);
    }

    /// `[for (...) e]` is `{ var tmp = []; for (...) tmp.push(e); tmp; }`.
    private TExpr TypeComprehension(ArrayLiteral a)
    {
        const string tmp = "`comprehension";
        var span = a.Span;
        var block = new BlockExpr(span, [
            new VarExpr(span, [new VarDeclarator(span, tmp, null, new ArrayLiteral(span, []), [])], false),
            PushInto(a.Items[0], tmp),
            new IdentExpr(span, tmp),
        ]);
        return TypeExpr(block, null);
    }

    /// Replaces the value a comprehension's loop produces by `tmp.push(value)`.
    private static Expr PushInto(Expr e, string tmp) => e switch
    {
        ForExpr f => f with { Body = PushInto(f.Body, tmp) },
        WhileExpr w => w with { Body = PushInto(w.Body, tmp) },
        IfExpr { Else: null } i => i with { Then = PushInto(i.Then, tmp) },
        IfExpr i => i with { Then = PushInto(i.Then, tmp), Else = PushInto(i.Else!, tmp) },
        BlockExpr { Exprs.Count: > 0 } b => b with { Exprs = [.. b.Exprs.Take(b.Exprs.Count - 1), PushInto(b.Exprs[^1], tmp)] },
        ParenExpr p => PushInto(p.Inner, tmp),
        _ => new CallExpr(e.Span, new FieldExpr(e.Span, new IdentExpr(e.Span, tmp), "push", e.Span), [e]),
    };

    private TExpr TypeIndex(IndexExpr ix)
    {
        var target = TypeValue(ix.Target);
        if (IsPoisoned(target)) return target;
        if (MapParams(target.Type) is { } kv) return TypeMapIndex(ix, target, kv);
        if (IsUserAbstract(target.Type) && ArrayElem(target.Type) == null) return TypeAbstractIndex(ix, target);
        var index = Coerce(TypeExpr(ix.Index, _core.Int), _core.Int, ix.Index.Span);
        if ((ArrayElem(target.Type) ?? VectorElem(target.Type)) is { } elem) return new TIndex(ix.Span, elem, target, index);
        if (_core.IsDynamic(target.Type)) return new TIndex(ix.Span, TDynamic.Instance, target, index); // checked at run time
        Error(ix.Target.Span, $"Array access is not allowed on {target.Type}");
        return Poisoned(ix.Span);
    }

    private TExpr TypeForArray(ForExpr fe, TExpr iterable, HType elem)
    {
        PushScope();
        var v = DeclareLocal(fe.Var, elem, fe.VarSpan);
        _loopDepth++;
        var body = TypeExpr(fe.Body, null);
        _loopDepth--;
        PopScope();
        return new TForArray(fe.Span, _core.Void, v, iterable, body);
    }

    /// `Null<Int>` and friends used as numbers: unboxed (null reads as 0, as on static targets).
    private TExpr UnwrapNull(TExpr e)
    {
        var inner = _core.NullInner(e.Type);
        return inner != null && _core.IsBasic(inner) ? new TCast(e.Span, inner, e, CastKind.Unbox) : e;
    }
}
