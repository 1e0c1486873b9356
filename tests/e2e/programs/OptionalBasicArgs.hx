// `?a:Int` without a default is Null<Int>: omitted, it is null (not 0), in every kind of call.
interface Shape { function scale(?by:Float):String; }

class Box implements Shape {
  public function new() {}
  public function scale(?by:Float):String return by == null ? "unscaled" : "by " + by;
}

class OptionalBasicArgs {
  static function f(?a:Int, ?s:String, b:Int = 3) {
    trace(a); trace(s); trace(b);
    if (a == null) trace("a null");
  }
  static function flag(?on:Bool) return on == null ? "unset" : on ? "on" : "off";
  static function count(?n:Int) { var total = 0; if (n != null) for (i in 0...n) total += i; return total; }
  static function main() {
    f(); f(1); f(null, "x", 4); f(0);
    trace(flag()); trace(flag(true)); trace(flag(false));
    trace(count()); trace(count(5));
    var h = function(?q:Int) return q;
    trace(h()); trace(h(2));
    var g:?Int->Int = count;
    trace(g()); trace(g(3));
    var shape:Shape = new Box();
    trace(shape.scale()); trace(shape.scale(2.5));
    var d:Dynamic = new Box();
    trace(d.scale());
    var arr:Array<Null<Int>> = [h(), h(7)];
    trace(arr);
  }
}
