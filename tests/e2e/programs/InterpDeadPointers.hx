// A long-lived frame must not keep alive what it made and dropped outside its loops: under
// `rayzor run --interp` with the collector's heap limited (GC_MAXIMUM_HEAP_SIZE, set by
// InterpTests), each tree fits alone but not two of them.
class Node {
	public var left:Node;
	public var right:Node;

	public function new(left:Node, right:Node) {
		this.left = left;
		this.right = right;
	}

	public function count():Int {
		return left == null ? 1 : 1 + left.count() + right.count();
	}
}

class InterpDeadPointers {
	static function make(depth:Int):Node {
		return depth == 0 ? new Node(null, null) : new Node(make(depth - 1), make(depth - 1));
	}

	static function main() {
		var total = 0;
		var first = make(18);
		total += first.count();
		var second = make(18);
		total += second.count();
		var third = make(18);
		total += third.count();
		for (k in 0...3)
			total += k;
		Sys.println(total);
	}
}
