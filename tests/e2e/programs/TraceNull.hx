// A field read through null in generated code: the `Null access` exception, uncaught, with frames.
class Node {
	public var value:Int;
	public var next:Node;

	public function new(value:Int) {
		this.value = value;
	}
}

class TraceNull {
	static function second(n:Node):Int {
		return n.next.value;
	}

	static function main() {
		var n = new Node(1);
		n.next = new Node(2);
		Sys.println(second(n));
		Sys.println(second(n.next));
	}
}
