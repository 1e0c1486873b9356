package rayzor;

/**
	The members of an Array found by name at run time (a Dynamic value, a structure): each function
	takes the array first and is what `a.name` gives as a bound method (the compiler lists them in
	the runtime's member table for arrays, next to `length`). The element type is a parameter, so
	elements go through the runtime whatever the array stores; function arguments are Dynamic and
	called dynamically, so a closure of any signature fits.
**/
class ArrayMembers {
	static function push<T>(a:Array<T>, x:T):Int
		return a.push(x);

	static function pop<T>(a:Array<T>):Null<T>
		return a.pop();

	static function shift<T>(a:Array<T>):Null<T>
		return a.shift();

	static function unshift<T>(a:Array<T>, x:T):Void
		a.unshift(x);

	static function insert<T>(a:Array<T>, pos:Int, x:T):Void
		a.insert(pos, x);

	static function remove<T>(a:Array<T>, x:T):Bool
		return a.remove(x);

	static function contains<T>(a:Array<T>, x:T):Bool
		return a.contains(x);

	static function indexOf<T>(a:Array<T>, x:T, ?fromIndex:Dynamic):Int
		return fromIndex == null ? a.indexOf(x) : a.indexOf(x, fromIndex);

	static function lastIndexOf<T>(a:Array<T>, x:T, ?fromIndex:Dynamic):Int
		return fromIndex == null ? a.lastIndexOf(x) : a.lastIndexOf(x, fromIndex);

	static function concat<T>(a:Array<T>, b:Array<T>):Array<T>
		return a.concat(b);

	static function copy<T>(a:Array<T>):Array<T>
		return a.copy();

	static function slice<T>(a:Array<T>, pos:Int, ?end:Dynamic):Array<T>
		return end == null ? a.slice(pos) : a.slice(pos, end);

	static function splice<T>(a:Array<T>, pos:Int, len:Int):Array<T>
		return a.splice(pos, len);

	static function reverse<T>(a:Array<T>):Void
		a.reverse();

	static function resize<T>(a:Array<T>, len:Int):Void
		a.resize(len);

	static function join<T>(a:Array<T>, sep:String):String
		return a.join(sep);

	static function toString<T>(a:Array<T>):String
		return a.toString();

	static function sort<T>(a:Array<T>, f:Dynamic):Void {
		// sorted boxed (the comparator's signature is unknown), then written back
		var boxed:Array<Dynamic> = [for (x in a) x];
		boxed.sort((x, y) -> f(x, y));
		for (i in 0...boxed.length)
			a[i] = boxed[i];
	}

	static function map<T>(a:Array<T>, f:Dynamic):Array<Dynamic>
		return [for (x in a) f(x)];

	static function filter<T>(a:Array<T>, f:Dynamic):Array<T>
		return [for (x in a) if (f(x)) x];

	static function iterator<T>(a:Array<T>):Iterator<T>
		return new haxe.iterators.ArrayIterator(a);
}
