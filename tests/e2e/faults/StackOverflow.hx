// Recursion 10^6 deep fits (the program runs on a 1 GB stack); runaway recursion throws the String
// "Stack overflow", catchable like any exception, again and again; uncaught, it is reported and the
// exit status is 1 — never a SIGSEGV.
class Node {
	public var next:Node;

	public function new(next:Node) {
		this.next = next;
	}

	public function depth():Int {
		return next == null ? 1 : 1 + next.depth() * 1;
	}
}

class StackOverflow {
	static var calls = 0;

	static function sum(n:Int):Int {
		return n == 0 ? 0 : n - sum(n - 1); // not a tail call (nor one LLVM can turn into a loop)
	}

	static function forever(n:Int):Int {
		calls++;
		return n - forever(n + 1);
	}

	static function viaDynamic(f:Dynamic, n:Int):Int {
		return n - f(f, n + 1);
	}

	static function main() {
		Sys.println("sum(1000000) = " + sum(1000000));
		var list:Node = null;
		for (i in 0...1000000)
			list = new Node(list);
		Sys.println("list depth = " + list.depth());
		for (round in 0...3) {
			try {
				forever(0);
			} catch (e:String) {
				Sys.println("round " + round + ": caught " + e + (calls > 100000 ? " (deep)" : " (shallow?)"));
			}
			calls = 0;
		}
		try {
			viaDynamic(viaDynamic, 0);
		} catch (e:haxe.Exception) {
			Sys.println("through Dynamic calls: " + e.message);
		}
		var again:Int->Int = null;
		again = n -> n - again(n + 1);
		try {
			again(0);
		} catch (e:Dynamic) {
			Sys.println("through a closure: " + e);
		}
		Sys.println("now uncaught:");
		forever(0);
	}
}
