class Cr {
	static function counter(start:Int, step:Int):{next:Void->Int, reset:Void->Void, peek:Void->Int} {
		var cur = start;
		return {
			next: function() {
				var v = cur;
				cur += step;
				return v;
			},
			reset: function() cur = start,
			peek: () -> cur
		};
	}
	static function main() {
		var c = counter(10, 5);
		Sys.println(c.next());
		Sys.println(c.next() + " " + c.peek());
		c.reset();
		Sys.println(c.peek());
	}
}
