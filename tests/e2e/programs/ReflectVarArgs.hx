// Reflect.makeVarArgs: a function called with any number of arguments (dynamically, through
// Reflect.callMethod, or as a typed function) gets them as one array. Output checked against haxe --interp.
class ReflectVarArgs {
  static function sum(args:Array<Dynamic>):Dynamic {
    var s = 0;
    for (a in args) s += a;
    return s;
  }
  static function main() {
    var f:Dynamic = Reflect.makeVarArgs(sum);
    trace(f());
    trace(f(1));
    trace(f(1, 2, 3));
    trace(Reflect.callMethod(null, f, [4, 5, 6, 7]));
    var count = Reflect.makeVarArgs(function(a) return a.length);
    trace(count("x", null, 2.5), Reflect.isFunction(count));
    var g:Int->Int->Dynamic = f;
    trace(g(10, 20));
    var names = Reflect.makeVarArgs(function(a:Array<Dynamic>) return a.join("-"));
    trace(names("a", 1, true));
    var noop = Reflect.makeVarArgs(function(a) { trace("called with " + a); return null; });
    noop(1);
  }
}
