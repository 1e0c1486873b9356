using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// Properties `var x(get, set):T`: outside its accessors, reading calls `get_x()` and writing
/// calls `set_x(v)`; `default`/`null` sides access the field itself.
public sealed partial class Typer
{
    /// Set while typing the target of an assignment, so a property is not read through its getter.
    private bool _lvalue;

    private static PropertyField? PropertyOf(TExpr e) => e switch
    {
        TInstanceField { Field.Decl.Kind: PropertyField p } => p,
        TStaticField { Field.Decl.Kind: PropertyField p } => p,
        _ => null,
    };

    private static FieldSymbol? FieldOf(TExpr e) => e switch
    {
        TInstanceField f => f.Field,
        TStaticField s => s.Field,
        _ => null,
    };

    /// Inside `get_x`/`set_x` the property `x` is the plain field.
    /// Code of `owner` itself or of a subclass (where `null` accessors and private fields are visible).
    private bool InsideClassOf(TypeSymbol owner)
    {
        if (_type == owner) return true;
        for (var c = (_type as ClassSymbol)?.Super?.Class; c != null; c = c.Super?.Class)
            if (c == owner) return true;
        return false;
    }

    /// Public in Haxe's sense: declared `public`, an override of a public field, or a field of an
    /// interface, an extern class or a `@:publicFields` class.
    private static bool IsPublic(FieldSymbol f)
    {
        if ((f.Decl.Modifiers & Modifiers.Public) != 0) return true;
        if (f.Owner is not ClassSymbol owner) return (f.Decl.Modifiers & Modifiers.Private) == 0 && f.Owner is not AbstractSymbol;
        if (owner.IsInterface || owner.IsExtern || f.IsExtern || owner.HasMeta(":publicFields")) return true;
        if ((f.Decl.Modifiers & Modifiers.Override) != 0 && owner.Super?.Class.FindField(f.Name) is { } inherited) return IsPublic(inherited);
        return false;
    }

    /// Inside `@:privateAccess expr`: private fields and `null` setters are accessible.
    private int _privateAccess;

    /// A private field is visible in its class and its subclasses, where `@:allow`/`@:access` say,
    /// and under `@:privateAccess`.
    private void CheckAccess(FieldSymbol f, TextSpan nameSpan)
    {
        if (f.Owner is not ClassSymbol owner || IsPublic(f) || InsideClassOf(owner) || _privateAccess > 0) return;
        if (f.Meta(":allow") != null || owner.HasMeta(":allow") || _type?.HasMeta(":access") == true || _field?.Meta(":access") != null) return;
        Error(nameSpan, $"Cannot access private field {f.Name}");
    }

    /// In `get_x`/`set_x` of the class of property `x` (or a subclass): another class's `x` read
    /// there still goes through its accessor (`BytesOutput.get_length` reading a buffer's `length`).
    private bool InAccessorOf(FieldSymbol prop) =>
        _field != null && (_field.Name == "get_" + prop.Name || _field.Name == "set_" + prop.Name) && InsideClassOf(prop.Owner);

    /// A field read: through the getter when the property has one.
    private TExpr ReadProperty(TExpr e)
    {
        if (_lvalue || PropertyOf(e) is not { Get: "get" } || FieldOf(e) is not { } f || InAccessorOf(f)) return e;
        return CallAccessor(e, "get_" + f.Name, []) ?? e;
    }

    /// `target = value` on a property with a setter: `set_x(value)`; null when it is a plain write.
    private TExpr? WriteProperty(TExpr target, TExpr value, TextSpan span)
    {
        if (PropertyOf(target) is not { Set: "set" } || FieldOf(target) is not { } f || InAccessorOf(f)) return null;
        return CallAccessor(target, "set_" + f.Name, [Coerce(value, target.Type, span)]);
    }

    private TExpr? CallAccessor(TExpr access, string name, List<TExpr> args)
    {
        switch (access)
        {
            case TInstanceField inf when (_core.NullInner(inf.Target.Type) ?? inf.Target.Type).Follow() is TInst inst && inst.Class.FindField(name) is { } acc:
            {
                var callee = InstanceFieldExpr(inf.Span, inf.Target, acc);
                return new TCall(inf.Span, ((TFun)callee.Type.Follow()).Return, callee, args);
            }
            case TInstanceField inf when inf.Target.Type.Follow() is TAbstract ta && ta.Abstract.Fields.TryGetValue(name, out var aacc):
            {
                // an abstract's accessor is one of its instance functions (the value is its first argument)
                UseAbstract(ta.Abstract);
                EnsureTyped(aacc);
                Enqueue(aacc);
                var type = ta.Abstract.Params.Count > 0 ? TypeSubst.Apply(aacc.Type!, ta.Abstract.Params, ta.Params) : aacc.Type!;
                return new TCall(inf.Span, ((TFun)type.Follow()).Return, new TInstanceField(inf.Span, type, inf.Target, aacc), args);
            }
            case TStaticField sf when sf.Field.Owner is ClassSymbol c && c.Statics.TryGetValue(name, out var sacc):
            {
                var callee = StaticFieldExpr(sf.Span, c, sacc);
                return new TCall(sf.Span, ((TFun)callee.Type.Follow()).Return, callee, args);
            }
            case TInstanceField inf when (_core.NullInner(inf.Target.Type) ?? inf.Target.Type).Follow() is TInst { Class.IsInterface: true } it && inf.Field.Type is { } propType:
            {
                // an interface's property (`var area(get, never):Float`) declares no accessor: the
                // interface gets it as a method, an itable selector each implementing class's
                // `get_area` fills (Haxe requires the class to have it)
                var callee = InstanceFieldExpr(inf.Span, inf.Target, InterfaceAccessor(it.Class, name, propType, setter: args.Count == 1));
                return new TCall(inf.Span, ((TFun)callee.Type.Follow()).Return, callee, args);
            }
        }
        return null;
    }

    /// <summary>
    /// The accessor method `get_x():T` or `set_x(value:T):T` of an interface's property `x`, made
    /// once as a bodiless method of the interface (as the ones it declares are).
    /// </summary>
    private static FieldSymbol InterfaceAccessor(ClassSymbol i, string name, HType type, bool setter)
    {
        if (i.Fields.TryGetValue(name, out var known)) return known;
        var decl = new FieldDecl(i.Decl.Span, name, i.Decl.Span, Modifiers.Public, [], null, new MethodField(new FunctionSyntax(i.Decl.Span, [], [], null, null)));
        var f = new FieldSymbol(i, name, decl, isStatic: false)
        {
            Type = setter ? new TFun([new FunArg("value", false, type)], type) : new TFun([], type),
            Typed = true,
        };
        i.Fields[name] = f;
        return f;
    }

    private TExpr TypeLValue(Expr e)
    {
        var saved = _lvalue;
        _lvalue = true;
        try { return TypeExpr(e, null); }
        finally { _lvalue = saved; }
    }
}
