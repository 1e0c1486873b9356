using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// Maps: Rayzor's `Map.hx` is an extern class over the native hash table (docs/abi.md, Maps);
/// `haxe.ds.StringMap`, `IntMap`, `ObjectMap` and `EnumValueMap` extend it. The key kind is chosen
/// by the lowering from `K` where a map is created, so `new Map()` may take its types from the
/// expected type or from later uses.
public sealed partial class Typer
{
    private ClassSymbol? _mapSym;

    private ClassSymbol? MapSym => _mapSym ??= _loader.Load("Map")?.Find("Map") as ClassSymbol;

    /// Whether `c` is Rayzor's native Map or one of its subclasses.
    private bool IsMapClass(ClassSymbol c)
    {
        if (MapSym is not { } map) return false;
        BuildClassHeader(c);
        for (var k = c; k != null; k = k.Super?.Class)
            if (k == map) return true;
        return false;
    }

    /// `(K, V)` when `t` is a map type (also through `Null<>`).
    private (HType Key, HType Value)? MapParams(HType t)
    {
        var f = t.Follow();
        if (f is TAbstract a && a.Abstract == _core.NullSym) f = a.Params[0].Follow();
        if (f is not TInst inst || !IsMapClass(inst.Class)) return null;
        var ps = InstParamsFor(inst, MapSym!);
        return ps.Count == 2 ? (ps[0], ps[1]) : null;
    }

    /// The type `m[k]` reads: `Null<V>` for a basic V, else V.
    private HType MapReadType(HType v) => _core.IsBasic(v) ? _core.Null(v) : v;

    private TExpr TypeNewMap(NewExpr n, ClassSymbol cls, HType? expected)
    {
        var typeArgs = n.Type.Params.Select(ResolveHint).ToList();
        var type = (TInst)MakeType(cls, typeArgs, n.Span);
        if (expected != null && MapParams(expected) is { } want && MapParams(type) is { } have)
        {
            Unify(have.Key, want.Key);
            Unify(have.Value, want.Value);
        }
        if (n.Args.Count > 0) Error(n.Span, "Too many arguments");
        return new TNew(n.Span, type, cls, []);
    }

    private TExpr TypeMapIndex(IndexExpr ix, TExpr map, (HType Key, HType Value) kv)
    {
        var key = TypeExpr(ix.Index, kv.Key);
        // a write checks the key with the value (TypeMapAssign)
        if (!_lvalue || CanAssign(key.Type, kv.Key)) key = Coerce(key, kv.Key, ix.Index.Span);
        return new TMapIndex(ix.Span, MapReadType(kv.Value), map, key, kv.Value);
    }

    /// `m[k] = v`: the value is converted to V (not to `Null<V>`).
    private TExpr TypeMapAssign(BinaryExpr b, TMapIndex target)
    {
        var value = TypeExpr(b.Right, target.ValueType);
        if (!IsPoisoned(value) && !IsPoisoned(target.Key) && MapParams(target.Map.Type) is { } kv
            && (!CanAssign(target.Key.Type, kv.Key) || !CanAssign(value.Type, kv.Value)))
        {
            // Haxe's Map is an abstract whose `@:arrayAccess` setter takes (K, V)
            Error(b.Span, $"No @:arrayAccess function for haxe.ds.Map<{kv.Key}, {kv.Value}> accepts arguments of {target.Key.Type} and {value.Type}");
            return Poisoned(b.Span);
        }
        return new TAssign(b.Span, target.ValueType, target, Coerce(value, target.ValueType, b.Span));
    }

    /// Would `Coerce` accept a value of type `from` where `to` is expected (without binding anything unknown)?
    private bool CanAssign(HType from, HType to) => Prune(from) is TMono || Prune(to) is TMono || CanUnify(from, to) || _core.IsInt(from) && _core.IsFloat(to);

    /// `m[k] op= v` is `m[k] = m[k] op v` (the map and key are evaluated twice).
    private TExpr TypeMapAssignOp(AssignOpExpr ao, TMapIndex target)
    {
        var value = TypeValue(ao.Right);
        var op = MakeBinary(ao.Span, ao.Op, target, value);
        return new TAssign(ao.Span, target.ValueType, target, Coerce(op, target.ValueType, ao.Span));
    }

    /// A call of a map method on an already typed map.
    private TExpr MapCall(TextSpan span, TExpr map, string name, params TExpr[] args)
    {
        var f = ((TInst)map.Type.Follow()).Class.FindField(name)!;
        var callee = InstanceFieldExpr(span, map, f);
        var fun = (TFun)callee.Type.Follow();
        var typed = args.Select((a, i) => Coerce(a, fun.Args[i].Type, a.Span)).ToList();
        return new TCall(span, Prune(fun.Return), callee, typed);
    }

    /// `[k1 => v1, k2 => v2]`: a new Map, filled in order.
    private TExpr TypeMapLiteral(ArrayLiteral a, HType? expected)
    {
        var type = (TInst)MakeType(MapSym!, [], a.Span);
        if (expected != null && MapParams(expected) is { } want)
        {
            Unify(type.Params[0], want.Key);
            Unify(type.Params[1], want.Value);
        }
        PushScope();
        var tmp = DeclareLocal("`map" + _nextLocalId, type, a.Span);
        var list = new List<TExpr> { new TVar(a.Span, _core.Void, tmp, new TNew(a.Span, type, MapSym!, [])) };
        foreach (var item in a.Items)
        {
            if (item is not BinaryExpr { Op: BinaryOp.Arrow } pair)
            {
                Error(item.Span, "Expected a => b");
                continue;
            }
            var k = TypeExpr(pair.Left, type.Params[0]);
            var v = TypeExpr(pair.Right, type.Params[1]);
            list.Add(MapCall(item.Span, new TLocal(a.Span, tmp), "set", k, v));
        }
        list.Add(new TLocal(a.Span, tmp));
        PopScope();
        return new TBlock(a.Span, type, list);
    }

    /// Whether a comprehension's loop produces `key => value` pairs.
    private static bool IsMapComprehension(Expr e) => e switch
    {
        ForExpr f => IsMapComprehension(f.Body),
        WhileExpr w => IsMapComprehension(w.Body),
        IfExpr i => IsMapComprehension(i.Then),
        BlockExpr { Exprs.Count: > 0 } b => IsMapComprehension(b.Exprs[^1]),
        ParenExpr p => IsMapComprehension(p.Inner),
        BinaryExpr { Op: BinaryOp.Arrow } => true,
        _ => false,
    };

    /// `[for (...) k => v]` is `{ var tmp = new Map(); for (...) tmp.set(k, v); tmp; }`.
    private TExpr TypeMapComprehension(ArrayLiteral a)
    {
        var tmp = "`mapcomp" + _nextLocalId;
        var span = a.Span;
        var block = new BlockExpr(span, [
            new VarExpr(span, [new VarDeclarator(span, tmp, null, new NewExpr(span, new PathTypeHint(span, [], "Map", null, []), []), [])], false),
            SetInto(a.Items[0], tmp),
            new IdentExpr(span, tmp),
        ]);
        return TypeExpr(block, null);
    }

    private static Expr SetInto(Expr e, string tmp) => e switch
    {
        ForExpr f => f with { Body = SetInto(f.Body, tmp) },
        WhileExpr w => w with { Body = SetInto(w.Body, tmp) },
        IfExpr { Else: null } i => i with { Then = SetInto(i.Then, tmp) },
        IfExpr i => i with { Then = SetInto(i.Then, tmp), Else = SetInto(i.Else!, tmp) },
        BlockExpr { Exprs.Count: > 0 } b => b with { Exprs = [.. b.Exprs.Take(b.Exprs.Count - 1), SetInto(b.Exprs[^1], tmp)] },
        ParenExpr p => SetInto(p.Inner, tmp),
        BinaryExpr { Op: BinaryOp.Arrow } kv => new CallExpr(e.Span, new FieldExpr(e.Span, new IdentExpr(e.Span, tmp), "set", e.Span), [kv.Left, kv.Right]),
        _ => e,
    };
}
