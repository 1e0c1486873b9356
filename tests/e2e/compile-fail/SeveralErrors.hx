class Stack<T> {
	var items:Array<T> = [];

	public function new() {}

	public function push(x:T):Void {
		items.push(x);
	}

	public function pop():T {
		return items.pop();
	}

	public function peek():T {
		return item[items.length - 1];
	}
}

class SeveralErrors {
	static function total(xs:Array<Int>):Int {
		var sum = 0.0;
		for (x in xs)
			sum += x;
		return sum;
	}

	static function main() {
		var s = new Stack<Int>();
		s.push("one");
		var top:String = s.pop();
		Sys.println(total([1, 2]) + top);
	}
}
