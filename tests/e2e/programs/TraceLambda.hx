// A throw from a local function called through a function value: the local function's frame
// shows as the method that contains it.
class TraceLambda {
	static function apply(f:Int->Int, x:Int):Int {
		return f(x);
	}

	static function main() {
		var limit = 10;
		var check = function(x:Int):Int {
			if (x > limit)
				throw 'too big: $x';
			return x * 2;
		};
		Sys.println(apply(check, 3));
		Sys.println(apply(check, 11));
	}
}
