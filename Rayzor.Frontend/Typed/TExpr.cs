using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typing;

namespace Rayzor.Frontend.Typed;

/// A typed expression: every node knows its type and span.
public abstract record TExpr(TextSpan Span, HType Type);

/// A constant: Int (int), Float (double), String (string), Bool (bool), or null (Value null).
public sealed record TConst(TextSpan Span, HType Type, object? Value) : TExpr(Span, Type);

/// `this`.
public sealed record TThis(TextSpan Span, HType Type) : TExpr(Span, Type);

/// A local variable read.
public sealed record TLocal(TextSpan Span, LocalSymbol Local) : TExpr(Span, Local.Type);

/// A static field of a class (var read, or a method used as a value or callee).
public sealed record TStaticField(TextSpan Span, HType Type, FieldSymbol Field) : TExpr(Span, Type);

/// An instance field of an object.
public sealed record TInstanceField(TextSpan Span, HType Type, TExpr Target, FieldSymbol Field) : TExpr(Span, Type);

/// A type used as a value (`Main` in `Main.x` before field resolution, `Class<T>` values).
public sealed record TTypeRef(TextSpan Span, HType Type, TypeSymbol Symbol) : TExpr(Span, Type);

/// A call; the callee is usually a TStaticField or TInstanceField of a method.
public sealed record TCall(TextSpan Span, HType Type, TExpr Callee, IReadOnlyList<TExpr> Args) : TExpr(Span, Type);

/// `new C(args)`.
public sealed record TNew(TextSpan Span, HType Type, ClassSymbol Class, IReadOnlyList<TExpr> Args) : TExpr(Span, Type);

/// A binary operation on operands already converted to the operation's type (`Int + Float` has a TCast of the Int).
public sealed record TBinary(TextSpan Span, HType Type, BinaryOp Op, TExpr Left, TExpr Right) : TExpr(Span, Type);

/// `!e`, `-e`, `~e`.
public sealed record TUnary(TextSpan Span, HType Type, UnaryOp Op, TExpr Operand) : TExpr(Span, Type);

/// `++x`, `x--` etc. on an assignable expression.
public sealed record TIncDec(TextSpan Span, HType Type, bool Increment, bool Postfix, TExpr Target) : TExpr(Span, Type);

/// `target = value` (the value of the expression is the assigned value).
public sealed record TAssign(TextSpan Span, HType Type, TExpr Target, TExpr Value) : TExpr(Span, Type);

/// `target op= value`; Op is the arithmetic; OpType is the type the arithmetic is done in.
public sealed record TAssignOp(TextSpan Span, HType Type, BinaryOp Op, TExpr Target, TExpr Value) : TExpr(Span, Type);

/// `var v = init` (Init may be null).
public sealed record TVar(TextSpan Span, HType Type, LocalSymbol Local, TExpr? Init) : TExpr(Span, Type);

/// `{ ... }`; its type is the last expression's.
public sealed record TBlock(TextSpan Span, HType Type, IReadOnlyList<TExpr> Exprs) : TExpr(Span, Type);

/// `if` statement or expression, `c ? a : b`.
public sealed record TIf(TextSpan Span, HType Type, TExpr Cond, TExpr Then, TExpr? Else) : TExpr(Span, Type);

/// `while` / `do while`.
public sealed record TWhile(TextSpan Span, HType Type, TExpr Cond, TExpr Body, bool DoWhile) : TExpr(Span, Type);

/// `for (v in from...to) body` on Ints, evaluated once each.
public sealed record TForRange(TextSpan Span, HType Type, LocalSymbol Var, TExpr From, TExpr To, TExpr Body) : TExpr(Span, Type);

/// `return` / `return e`.
public sealed record TReturn(TextSpan Span, HType Type, TExpr? Value) : TExpr(Span, Type);

/// `break`.
public sealed record TBreak(TextSpan Span, HType Type) : TExpr(Span, Type);

/// `continue`.
public sealed record TContinue(TextSpan Span, HType Type) : TExpr(Span, Type);

/// `throw e`.
public sealed record TThrow(TextSpan Span, HType Type, TExpr Value) : TExpr(Span, Type);

/// `a[key]` on a user abstract as an assignment target: becomes a call of its `@:arrayAccess`
/// setter in the typer (never reaches lowering).
public sealed record TAbstractIndex(TextSpan Span, HType Type, TExpr Target, TExpr Key) : TExpr(Span, Type);

/// A value conversion the typer inserted: Int→Float, basic → Dynamic (boxing), Dynamic → basic (unboxing), null-able wrapping.
public sealed record TCast(TextSpan Span, HType Type, TExpr Value, CastKind Kind) : TExpr(Span, Type);

/// How a TCast converts.
public enum CastKind
{
    /// Int to Float.
    IntToFloat,
    /// Int/Float/Bool to a reference (Dynamic, Null<T>): boxes.
    Box,
    /// A reference (Dynamic, Null<T>) to Int/Float/Bool: unboxes.
    Unbox,
    /// Same representation, another static type (class upcast, `cast e`).
    Retype,
    /// `cast(e, T)`: tested at run time; null passes, any other mismatch throws `Class cast error`.
    Checked,
    /// A Dynamic used as a String: Strings and null as they are, other values by `Std.string`.
    DynamicToString,
}

/// `trace(v, extras...)`: Call is `haxe.Log.trace(v, infos)`; while the program never assigns
/// `haxe.Log.trace` it is compiled as printing `File.hx:LINE: ` and Value (v and the extras joined by ",").
public sealed record TTrace(TextSpan Span, HType Type, TExpr Value, string File, int Line, TExpr? Call) : TExpr(Span, Type);

/// `Std.string(v)`-style conversion of any value to String for `+` concatenation.
public sealed record TToString(TextSpan Span, HType Type, TExpr Value) : TExpr(Span, Type);

/// `[a, b, c]`: a new Array of the element type.
public sealed record TArrayDecl(TextSpan Span, HType Type, HType ElemType, IReadOnlyList<TExpr> Items) : TExpr(Span, Type);

/// `a[i]` on an Array (read, or assignment target).
public sealed record TIndex(TextSpan Span, HType Type, TExpr Target, TExpr Index) : TExpr(Span, Type);

/// `for (v in array) body`: walks the live array by index, as HashLink's array iterator does.
public sealed record TForArray(TextSpan Span, HType Type, LocalSymbol Var, TExpr Array, TExpr Body) : TExpr(Span, Type);

/// An optional argument the call left out; the callee (or the native binding) supplies the default.
public sealed record TMissingArg(TextSpan Span, HType Type) : TExpr(Span, Type);

/// `super` as the receiver of `super.method()`: `this`, with the call bound statically.
public sealed record TSuper(TextSpan Span, HType Type) : TExpr(Span, Type);

/// `super(args)` in a constructor: the superclass constructor run on `this`.
public sealed record TSuperCtor(TextSpan Span, HType Type, ClassSymbol Class, IReadOnlyList<TExpr> Args) : TExpr(Span, Type);

/// A local function or arrow function: its own arguments and body, and the outer locals it
/// captures (shared with the enclosing function, by reference).
public sealed record TFunction(TextSpan Span, HType Type, int Id, IReadOnlyList<LocalSymbol> Args, TExpr Body, IReadOnlyList<LocalSymbol> Captures, LocalSymbol? Self) : TExpr(Span, Type);


/// An enum constructor applied to its arguments (or a constructor without arguments).
public sealed record TEnumValue(TextSpan Span, HType Type, EnumCtorSymbol Ctor, IReadOnlyList<TExpr> Args) : TExpr(Span, Type);

/// An enum constructor with arguments used as a function value is not supported yet; used as a callee it is applied.
public sealed record TEnumCtorRef(TextSpan Span, HType Type, EnumCtorSymbol Ctor) : TExpr(Span, Type);

/// `switch`: cases tried in order; a case matches when one of its patterns does and its guard holds.
public sealed record TSwitch(TextSpan Span, HType Type, TExpr Subject, IReadOnlyList<TCase> Cases, TExpr? Default) : TExpr(Span, Type)
{
    /// Every value reaches a case even without a default (an enum with all its constructors).
    public bool Complete { get; init; }
}

/// One case: or-ed patterns, an optional guard, the body (null when empty).
public sealed record TCase(IReadOnlyList<TPattern> Patterns, TExpr? Guard, TExpr? Body)
{
    /// `case ...:` and its body, where Haxe reports an unused case.
    public TextSpan Span { get; init; }
}

/// A pattern of a switch case, matched against a value.
public abstract record TPattern
{
    /// The pattern's source text (exhaustiveness errors point at sub-patterns).
    public TextSpan Span { get; init; }
}

/// `_`: matches anything.
public sealed record PWild : TPattern;

/// A constant (Int, Float, String, Bool, null): matches an equal value.
public sealed record PConst(TExpr Value) : TPattern;

/// A name: matches anything and binds it.
public sealed record PBind(LocalSymbol Local) : TPattern;

/// `name = pattern`: binds the value when the inner pattern matches.
public sealed record PBindAs(LocalSymbol Local, TPattern Inner) : TPattern;

/// `Ctor(p1, p2)` or `Ctor`: the constructor, then each argument.
public sealed record PEnum(EnumCtorSymbol Ctor, IReadOnlyList<TPattern> Args, IReadOnlyList<HType> ArgTypes) : TPattern;

/// `p1 | p2`.
public sealed record POr(IReadOnlyList<TPattern> Alternatives) : TPattern;

/// `[p1, p2]`: an array of exactly that length.
public sealed record PArray(IReadOnlyList<TPattern> Items, HType ElemType) : TPattern;

/// `{name: p, age: q}`: a structure (or object) whose named fields match the sub-patterns.
public sealed record PStruct(IReadOnlyList<(string Name, TPattern Pattern, HType Type)> Fields) : TPattern;

/// `{ a: 1, b: "x" }`: a new anonymous structure.
public sealed record TObjectDecl(TextSpan Span, HType Type, IReadOnlyList<(string Name, TExpr Value)> Fields) : TExpr(Span, Type);

/// A field of an anonymous structure or a Dynamic value, looked up by name at run time.
public sealed record TDynField(TextSpan Span, HType Type, TExpr Target, string Name) : TExpr(Span, Type);

/// `try body catch (...) ...`: the catches are tried in order against the thrown value; none
/// matching rethrows it. A value when Type is not Void.
public sealed record TTry(TextSpan Span, HType Type, TExpr Body, IReadOnlyList<TCatch> Catches) : TExpr(Span, Type);

/// One catch clause: it matches when the thrown value is of CatchType (Dynamic: anything). Local
/// receives the value (unboxed for a basic type); when Convert is set (catching `haxe.Exception`),
/// Raw receives the thrown value and Local the result of Convert.
public sealed record TCatch(LocalSymbol Local, HType CatchType, TExpr Body, LocalSymbol? Raw, TExpr? Convert);
