namespace Rayzor.Fuzz.Diff;

public sealed partial class ProgramGenerator
{
    // The interface, classes and enums every program has; their method bodies are random expressions over
    // their own fields and parameters.
    private void Types()
    {
        Line("interface Shape {");
        Line("  function area():Int;");
        Line("  function name():String;");
        Line("  function bump(d:Int):Void;");
        Line("}");
        Line("class Base implements Shape {");
        _indent++;
        Line("public var x:Int;");
        Line("public var label:String;");
        Line("public static var made:Int = 0;");
        Line("public function new(x:Int, label:String) { this.x = x; this.label = label; made++; }");
        Method("area", T.Int, ("x", T.Int), ("label", T.String));
        Method("name", T.String, ("x", T.Int), ("label", T.String));
        Line($"public function bump(d:Int):Void {{ x = {FieldExpr(T.Int, ("x", T.Int), ("d", T.Int))} + d; }}");
        _indent--;
        Line("}");
        Line("class Sub extends Base {");
        _indent++;
        Line("public var y:Int;");
        Line("public function new(x:Int, y:Int) { super(x + y, \"sub\"); this.y = y; }");
        Line($"override public function area():Int {{ return super.area() + {FieldExpr(T.Int, ("x", T.Int), ("y", T.Int))}; }}");
        Line($"override public function name():String {{ return \"S\" + super.name() + {FieldExpr(T.Int, ("y", T.Int))}; }}");
        _indent--;
        Line("}");
        Line("class Other implements Shape {");
        _indent++;
        Line("var w:Float;");
        Line("var items:Array<Int>;");
        Line("public function new(w:Float) { this.w = w; items = [1, 2]; }");
        Line("public function area():Int { return Main.toInt(w) + items.length; }");
        Line("public function name():String { return \"other\" + items.join(\":\"); }");
        Line($"public function bump(d:Int):Void {{ items.push(d); w = w * 0.5 + {FieldExpr(T.Float, ("d", T.Int))}; }}");
        _indent--;
        Line("}");
        Line("class Boom {");
        Line("  public var code:Int;");
        Line("  public function new(code:Int) { this.code = code; }");
        Line("}");
        Line("class SubBoom extends Boom {");
        Line("  public function new(code:Int) { super(code * 2); }");
        Line("}");
        Line("enum Op {");
        Line("  Lit(v:Int);");
        Line("  Add(a:Int, b:Int);");
        Line("  Neg(v:Int);");
        Line("  Name(s:String);");
        Line("  Nothing;");
        Line("}");
        Line("enum Tree {");
        Line("  Leaf(v:Int);");
        Line("  Node(l:Tree, r:Tree);");
        Line("}");
    }

    // True while writing a method: no method calls (a method calling itself through a new object would not end).
    private bool _inClass;

    private void Method(string name, T result, params (string Name, T Type)[] fields) =>
        Line($"public function {name}():{HaxeType(result)} {{ return {FieldExpr(result, fields)}; }}");

    // A small expression over the given names only (used inside classes, where Main's variables are not visible).
    private string FieldExpr(T type, params (string Name, T Type)[] names)
    {
        _inClass = true;
        var saved = new List<Var>(_scope);
        var savedFunctions = new List<Function>(_functions);
        _scope.Clear();
        _functions.Clear();
        foreach (var (n, t) in names) _scope.Add(new Var(n, t, false));
        var e = Expr(type, 2);
        _scope.Clear();
        _scope.AddRange(saved);
        _functions.AddRange(savedFunctions);
        _inClass = false;
        return e;
    }

    // Helpers that keep the generated code within defined behaviour.
    private void Helpers()
    {
        Line("public static function idx(i:Int, n:Int):Int { var r = i % n; return r < 0 ? r + n : r; }");
        Line("public static function at(a:Array<Int>, i:Int):Int { return a.length == 0 ? -1 : a[idx(i, a.length)]; }");
        Line("public static function code(s:String, i:Int):Int { return s.length == 0 ? -2 : s.charCodeAt(idx(i, s.length)); }");
        Line("public static function mget(m:Map<Int, Int>, k:Int):Int { return m.exists(k) ? m.get(k) : -1; }");
        Line("public static function first<T>(a:Array<T>, d:T):T { return a.length > 0 ? a[0] : d; }");
        Line("public static function opt(a:Int, ?b:Int = 3, ?s:String):Int { return a * b + (s == null ? -1 : s.length); }");
        Line("public static function check(x:Int):Int {");
        Line("  if (x % 3 == 0) throw new Boom(x);");
        Line("  if (x % 5 == 0) throw \"five\" + x;");
        Line("  if (x % 7 == 0) throw x;");
        Line("  return x * 2;");
        Line("}");
        Line("public static function toInt(f:Float):Int {");
        Line("  if (Math.isNaN(f)) return 0;");
        Line("  if (f > 1e9) return 1000000000;");
        Line("  if (f < -1e9) return -1000000000;");
        Line("  return Std.int(f);");
        Line("}");
        Line("public static function cmp(a:Int, b:Int):Int { return a < b ? -1 : (a > b ? 1 : 0); }");
        Line("public static function eval(o:Op):Int {");
        Line("  return switch (o) {");
        Line("    case Lit(v): v;");
        Line("    case Add(a, b): a + b;");
        Line("    case Neg(v): -v;");
        Line("    case Name(s): s.length;");
        Line("    case Nothing: 7;");
        Line("  }");
        Line("}");
        Line("public static function sum(t:Tree):Int {");
        Line("  return switch (t) {");
        Line("    case Leaf(v): v;");
        Line("    case Node(l, r): sum(l) * 3 + sum(r);");
        Line("  }");
        Line("}");
        Line("public static function rec(n:Int, k:Int):Int { return n <= 0 ? k : rec(n - 1, k * 31 + n) ^ n; }");
        Line("public static function mix(x:Int):Void { acc = acc * 31 + x; }");
        Line("public static function cap(s:String):String { return s.length > 1000 ? s.substr(0, 1000) : s; }");
    }

    // A tree of depth at most 3.
    private string TreeExpr(int depth)
    {
        if (depth <= 0 || Chance(40)) return $"Leaf({Expr(T.Int, 1)})";
        return $"Node({TreeExpr(depth - 1)}, {TreeExpr(depth - 1)})";
    }
}
