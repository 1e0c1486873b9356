namespace Rayzor.Fuzz.Diff;

public sealed partial class ProgramGenerator
{
    private static readonly T[] DeclTypes = [T.Int, T.Int, T.Int, T.Float, T.String, T.String, T.Bool, T.IntArray, T.Shape, T.Op, T.IntFn, T.IntMap, T.Anon];

    // True while writing a closure's body: no return of the enclosing function, no break of its loops.
    private bool _inClosure;

    /// One statement (nested ones while depth allows).
    private void Statement(int depth)
    {
        _cost += _multiplier;
        var d = Math.Max(depth, 1);
        switch (_rng.Next(depth > 0 ? 23 : 12))
        {
            case 0: case 1: case 2:
                Declaration(d);
                break;
            case 3: case 4:
                Print(d);
                break;
            case 5:
                Assignment(d);
                break;
            case 6:
                Line($"Main.mix({IntExpr(d)});");
                break;
            case 7:
                ArrayStatement(d);
                break;
            case 8:
                if (VarOf(T.Shape) is { } s) Line($"{s.Name}.bump({IntExpr(d)});");
                else Print(d);
                break;
            case 9:
                if (VarOf(T.IntMap) is { } m)
                    Line(Chance(70) ? $"{m.Name}.set({IntExpr(d)} & 7, {IntExpr(d)});" : $"{m.Name}.remove({IntExpr(d)} & 7);");
                else Declaration(d);
                break;
            case 10:
                if (_loopDepth > 0 && !_inClosure && Chance(50)) Line($"if ({BoolExpr(d)}) {Pick("break", "continue")};");
                else if (_tryDepth > 0) Line($"if ({BoolExpr(d)}) throw {Thrown(d)};");
                else Assignment(d);
                break;
            case 11:
                if (VarOf(T.Shape) is { } sh)
                {
                    var b = Fresh("b");
                    Line($"var {b} = Std.downcast({sh.Name}, Base);");
                    Line($"if ({b} != null) Sys.println(\"down \" + {b}.x + \" \" + {b}.label); else Sys.println(\"not a Base\");");
                }
                else Print(d);
                break;
            case 12: case 13:
                If(depth - 1);
                break;
            case 14: case 15:
                Loop(depth - 1);
                break;
            case 16:
                Try(depth - 1);
                break;
            case 17:
                SwitchStatement(depth - 1);
                break;
            case 18:
                Closure(depth - 1);
                break;
            case 19:
                if (VarOf(T.Anon) is { } o) Line(Chance(50) ? $"{o.Name}.x {Pick("+=", "-=", "*=")} {IntExpr(d)};" : $"{o.Name}.s = {StringExpr(d)} + {o.Name}.s.length;");
                else ClosuresInLoop(depth - 1);
                break;
            case 20:
                ClosuresInLoop(depth - 1);
                break;
            default:
                Declaration(d);
                break;
        }
    }

    private void Block(int depth, int count)
    {
        var mark = _scope.Count;
        _indent++;
        for (var i = 0; i < count; i++) Statement(depth);
        _indent--;
        _scope.RemoveRange(mark, _scope.Count - mark);
    }

    private void Declaration(int d)
    {
        var type = DeclTypes[_rng.Next(DeclTypes.Length)];
        string init;
        if (type == T.IntFn) init = ClosureLiteral(d);
        else if (type == T.IntMap) init = $"[{string.Join(", ", Enumerable.Range(0, _rng.Next(4)).Select(k => $"{k * 2} => {IntExpr(d)}"))}]";
        else init = Expr(type, d);
        if (type == T.IntMap && init == "[]") init = "new Map<Int, Int>()";
        // the initializer may not see the variable itself
        var v = Declare(type);
        Line($"var {v.Name}:{HaxeType(type)} = {init};");
    }

    private void Print(int d)
    {
        switch (_rng.Next(6))
        {
            case 0: case 1: Line($"Sys.println(\"i \" + {IntExpr(d)});"); break;
            case 2: Line($"Sys.println(\"F \" + {FloatExpr(d)});"); break;
            case 3: Line($"Sys.println(\"s \" + {StringExpr(d)});"); break;
            case 4: Line($"Sys.println(\"b \" + {BoolExpr(d)});"); break;
            default:
                if (VarOf(T.Op) is { } o) Line($"Sys.println(\"op \" + Main.eval({o.Name}) + \" \" + {o.Name});");
                else Line($"Sys.println({IntExpr(d)});");
                break;
        }
    }

    // Haxe rejects `x = x`
    private static string Other(Var v, string e) => e != v.Name ? e : v.Type switch { T.Bool => "true", T.String => "\"\"", T.Float => "0.5", _ => "0" };

    private void Assignment(int d)
    {
        var v = _scope.Where(x => x.Mutable && x.Type is T.Int or T.Float or T.String or T.Bool or T.IntFn).ToList() is { Count: > 0 } vs
            ? vs[_rng.Next(vs.Count)] : null;
        if (v == null)
        {
            Declaration(d);
            return;
        }
        switch (v.Type)
        {
            case T.Int:
                switch (_rng.Next(5))
                {
                    case 0: Line($"{v.Name}{Pick("++", "--")};"); break;
                    case 1: Line($"{v.Name} {Pick("+=", "-=", "*=", "&=", "|=", "^=")} {IntExpr(d)};"); break;
                    case 2: Line($"{v.Name} {Pick("<<=", ">>=", ">>>=")} {_rng.Next(32)};"); break;
                    case 3: Line($"Sys.println(\"pre \" + ({Pick("++", "--")}{v.Name}) + \" post \" + ({v.Name}{Pick("++", "--")}));"); break;
                    default: Line($"{v.Name} = {Other(v, IntExpr(d))};"); break;
                }
                break;
            case T.Float:
                Line(Chance(50) ? $"{v.Name} {Pick("+=", "-=", "*=", "/=")} {FloatExpr(d)};" : $"{v.Name} = {Other(v, FloatExpr(d))};");
                break;
            case T.String:
            {
                // a String built from itself (`s += s`, `s = f(s) + s`) doubles each time: in a loop it would
                // grow to gigabytes, so such an assignment keeps only its first 1000 characters
                var append = Chance(50);
                var e = append ? StringExpr(d) : Other(v, StringExpr(d));
                if (!System.Text.RegularExpressions.Regex.IsMatch(e, $@"\b{v.Name}\b")) Line(append ? $"{v.Name} += {e};" : $"{v.Name} = {e};");
                else Line(append ? $"{v.Name} = Main.cap({v.Name} + {e});" : $"{v.Name} = Main.cap({e});");
                break;
            }
            case T.Bool:
                Line($"{v.Name} = {Other(v, BoolExpr(d))};");
                break;
            default:
                Line($"{v.Name} = {ClosureLiteral(d)};");
                break;
        }
    }

    private void ArrayStatement(int d)
    {
        if (VarOf(T.IntArray) is not { } a)
        {
            Declaration(d);
            return;
        }
        var n = a.Name;
        switch (_rng.Next(9))
        {
            case 0: case 1: Line($"{n}.push({IntExpr(d)});"); break;
            case 2: Line($"if ({n}.length > 0) Sys.println(\"pop \" + {n}.pop());"); break;
            case 3: Line($"if ({n}.length > 0) {n}[Main.idx({IntExpr(d)}, {n}.length)] = {IntExpr(d)};"); break;
            case 4: Line($"{n}.sort(Main.cmp);"); break;
            case 5: Line($"{n}.reverse();"); break;
            case 6: Line($"{n}.insert({_rng.Next(-3, 6)}, {IntExpr(d)});"); break;
            case 7: Line($"Sys.println(\"rm \" + {n}.remove({IntExpr(d)}) + \" \" + {n}.indexOf({IntExpr(d)}));"); break;
            default:
                if (!a.Mutable) goto case 0;
                Line($"{n} = {n}.concat([{IntExpr(d)}]).slice({_rng.Next(0, 3)}, {_rng.Next(-1, 6)});"); break;
        }
    }

    private void If(int depth)
    {
        Line($"if ({BoolExpr(2)}) {{");
        Block(depth, 1 + _rng.Next(3));
        if (Chance(50))
        {
            Line("} else {");
            Block(depth, 1 + _rng.Next(2));
        }
        Line("}");
    }

    private void Loop(int depth)
    {
        if (_loopDepth >= 2 || _multiplier * 6 > CostBudget)
        {
            Print(1);
            return;
        }
        var bound = 1 + _rng.Next(6);
        var saved = _multiplier;
        _multiplier *= bound;
        _loopDepth++;
        var mark = _scope.Count;
        switch (_rng.Next(4))
        {
            case 3:
            {
                var c = Fresh("c");
                Line($"var {c} = 0;");
                Line("do {");
                Line($"  {c}++;");
                _scope.Add(new Var(c, T.Int, false));
                Block(depth, 1 + _rng.Next(3));
                Line($"}} while ({c} < {bound});");
                _scope.RemoveRange(mark, _scope.Count - mark);
                _loopDepth--;
                _multiplier = saved;
                return;
            }
            case 0:
            {
                var i = Fresh("i");
                var start = _rng.Next(-2, 2);
                Line($"for ({i} in {start}...{start + bound}) {{");
                _scope.Add(new Var(i, T.Int, false));
                Block(depth, 1 + _rng.Next(3));
                break;
            }
            case 1:
            {
                var c = Fresh("c");
                Line($"var {c} = 0;");
                Line($"while ({c} < {bound}) {{");
                Line($"  {c}++;");
                _scope.Add(new Var(c, T.Int, false));
                Block(depth, 1 + _rng.Next(3));
                break;
            }
            default:
            {
                var x = Fresh("x");
                // over a copy of at most `bound` items, so the body may change the array
                var source = ArrayVar() is { } a ? $"{a}.slice(0, {bound})" : $"[for (q in 0...{bound}) q * q]";
                Line($"for ({x} in {source}) {{");
                _scope.Add(new Var(x, T.Int, false));
                Block(depth, 1 + _rng.Next(3));
                break;
            }
        }
        Line("}");
        _scope.RemoveRange(mark, _scope.Count - mark);
        _loopDepth--;
        _multiplier = saved;
    }

    private string Thrown(int d) => _rng.Next(4) switch
    {
        0 => $"new Boom({IntExpr(d)})",
        1 => $"new SubBoom({IntExpr(d)})",
        2 => StringExpr(d),
        _ => IntExpr(d),
    };

    private void Try(int depth)
    {
        Line("try {");
        _tryDepth++;
        var mark = _scope.Count;
        _indent++;
        var n = 1 + _rng.Next(3);
        for (var i = 0; i < n; i++) Statement(depth);
        Line($"if ({BoolExpr(2)}) throw {Thrown(1)};");
        _indent--;
        _scope.RemoveRange(mark, _scope.Count - mark);
        _tryDepth--;
        var e = Fresh("e");
        if (Chance(50)) Line($"}} catch ({e}:SubBoom) {{ Sys.println(\"subboom \" + {e}.code);");
        // inside another try, a handler may throw again
        var rethrow = _tryDepth > 0 && Chance(40) ? $" throw {e}.code + 1;" : "";
        Line($"}} catch ({e}:Boom) {{ Sys.println(\"boom \" + {e}.code);{rethrow}");
        if (Chance(50)) Line($"}} catch ({e}:String) {{ Sys.println(\"str \" + {e});");
        if (Chance(50)) Line($"}} catch ({e}:Int) {{ Sys.println(\"int \" + {e});");
        Line($"}} catch ({e}:Dynamic) {{ Sys.println(\"dyn \" + (Std.isOfType({e}, String) || Std.isOfType({e}, Int) ? Std.string({e}) : \"?\"));");
        Line("}");
    }

    private void SwitchStatement(int depth)
    {
        if (Chance(50) && VarOf(T.Op) is { } o)
        {
            Line($"switch ({o.Name}) {{");
            Line("  case Lit(q) | Neg(q): Sys.println(\"lit/neg \" + q);");
            Line("  case Add(p, q):");
            var mark = _scope.Count;
            _scope.Add(new Var("p", T.Int, false));
            _scope.Add(new Var("q", T.Int, false));
            Block(depth, 1 + _rng.Next(2));
            _scope.RemoveRange(mark, _scope.Count - mark);
            Line("  default: Sys.println(\"other op\");");
            Line("}");
            return;
        }
        Line($"switch (Main.idx({IntExpr(2)}, 5)) {{");
        var n = 1 + _rng.Next(3);
        for (var k = 0; k < n; k++)
        {
            Line(k == 0 && Chance(40) ? "  case 0 | 4:" : $"  case {k + 1}:");
            Block(depth, 1 + _rng.Next(2));
        }
        if (Chance(60))
        {
            Line("  default:");
            Block(depth, 1);
        }
        Line("}");
    }

    // Closures made in a loop: each captures that iteration's loop variable and a variable of the body.
    private void ClosuresInLoop(int depth)
    {
        var fs = Fresh("fs");
        var i = Fresh("i");
        var k = Fresh("k");
        var q = Fresh("q");
        var f = Fresh("f");
        var total = Fresh("t");
        Line($"var {fs}:Array<Int->Int> = [];");
        Line($"for ({i} in 0...{1 + _rng.Next(4)}) {{");
        _scope.Add(new Var(i, T.Int, false));
        Line($"  var {k} = {i} * {IntExpr(1)};");
        _scope.RemoveAt(_scope.Count - 1);
        Line($"  {fs}.push(function({q}:Int):Int {{ {k} += {q}; return {q} + {i} * 10 + {k}; }});");
        Line("}");
        Line($"var {total} = 0;");
        Line($"for ({f} in {fs}) {total} = {total} * 7 + {f}({IntExpr(1)}) + {f}(1);");
        Line($"Sys.println(\"closures \" + {total});");
    }

    // A closure capturing what is in scope; declared, called, its captures changed, called again.
    private void Closure(int depth)
    {
        var literal = ClosureLiteral(2);
        var f = Declare(T.IntFn);
        Line($"var {f.Name}:Int->Int = {literal};");
        Line($"Sys.println(\"fn \" + {f.Name}({IntExpr(1)}));");
        if (VarOf(T.Int, mutableOnly: true) is { } captured)
        {
            Line($"{captured.Name} += {IntExpr(1)};");
            Line($"Sys.println(\"fn \" + {f.Name}({IntExpr(1)}));");
        }
    }

    private string ClosureLiteral(int d)
    {
        var savedClosure = _inClosure;
        var savedMultiplier = _multiplier;
        var savedTry = _tryDepth;
        _inClosure = true;
        _tryDepth = 0;
        // closures may run anywhere: they call no static function
        _multiplier = CostBudget + 1;
        var q = Fresh("q");
        var mark = _scope.Count;
        _scope.Add(new Var(q, T.Int, true));
        var text = Chance(50)
            ? $"function({q}:Int):Int {{ return {IntExpr(d)}; }}"
            : $"({q}:Int) -> {IntExpr(d)}";
        _scope.RemoveRange(mark, _scope.Count - mark);
        _multiplier = savedMultiplier;
        _tryDepth = savedTry;
        _inClosure = savedClosure;
        return text;
    }
}
