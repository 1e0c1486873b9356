// Interface properties: an interface declares `var x(get, never)` or `(get, set)` without its
// accessors; reads and writes through the interface call the implementing class's get_x/set_x
// through the itable (accessors made as interface methods), through a sub-interface and a generic
// interface too. Output checked against haxe --interp.
interface Shape { var area(get, never):Float; var name(get, set):String; }
interface Box<T> { var item(get, never):T; }
interface Named extends Shape { function describe():String; }
class Sq implements Named {
  var s:Float; var n = "sq";
  public function new(s:Float) this.s = s;
  public var area(get, never):Float;
  function get_area() return s * s;
  public var name(get, set):String;
  function get_name() return n;
  function set_name(v:String) { n = v + "!"; return n; }
  public function describe() return name + " " + area;
}
class Circle implements Shape {
  public function new() {}
  public var area(get, never):Float;
  public function get_area() return 3.0;
  public var name(get, set):String;
  function get_name() return "circle";
  function set_name(v:String) return v;
}
class IntBox implements Box<Int> { public function new() {} public var item(get, never):Int; function get_item() return 42; }
class InterfaceProperties {
  static function main() {
    var shapes:Array<Shape> = [new Sq(2), new Circle()];
    for (s in shapes) trace(s.area, s.name);
    var sh:Shape = shapes[0];
    sh.name = "renamed";
    trace(sh.name, (sh.name = "again"));
    var n:Named = new Sq(3);
    trace(n.area, n.describe());
    var b:Box<Int> = new IntBox();
    trace(b.item + 1);
  }
}
