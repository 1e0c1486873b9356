class Node {
	public var v:Int;
	public var next:Node;
	public function new(v) this.v = v;
}
class NullFields {
	static function main() {
		var n = new Node(1);
		try {
			Sys.println(n.next.v);
		} catch (e:Dynamic) {
			Sys.println("caught " + e);
		}
		var a:Array<Int> = null;
		try {
			Sys.println(a.length);
		} catch (e:String) {
			Sys.println("caught " + e);
		}
		var f:Int->Int = null;
		try f(1) catch (e:Dynamic) Sys.println("caught " + e);
		Sys.println(n.next.v);
	}
}
