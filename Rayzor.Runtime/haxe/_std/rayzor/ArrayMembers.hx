package rayzor;

/**
	The members of an Array found by name at run time (a Dynamic value, a structure): each function
	takes the array first and is what `a.name` gives as a bound method (the compiler lists them in
	the runtime's member table for arrays, next to `length`). Function arguments are Dynamic and
	called dynamically, so a closure of any signature fits.
**/
class ArrayMembers {
	static function push(a:Array<Dynamic>, x:Dynamic):Int
		return a.push(x);

	static function pop(a:Array<Dynamic>):Dynamic
		return a.pop();

	static function shift(a:Array<Dynamic>):Dynamic
		return a.shift();

	static function unshift(a:Array<Dynamic>, x:Dynamic):Void
		a.unshift(x);

	static function insert(a:Array<Dynamic>, pos:Int, x:Dynamic):Void
		a.insert(pos, x);

	static function remove(a:Array<Dynamic>, x:Dynamic):Bool
		return a.remove(x);

	static function contains(a:Array<Dynamic>, x:Dynamic):Bool
		return a.contains(x);

	static function indexOf(a:Array<Dynamic>, x:Dynamic, ?fromIndex:Dynamic):Int
		return fromIndex == null ? a.indexOf(x) : a.indexOf(x, fromIndex);

	static function lastIndexOf(a:Array<Dynamic>, x:Dynamic, ?fromIndex:Dynamic):Int
		return fromIndex == null ? a.lastIndexOf(x) : a.lastIndexOf(x, fromIndex);

	static function concat(a:Array<Dynamic>, b:Array<Dynamic>):Array<Dynamic>
		return a.concat(b);

	static function copy(a:Array<Dynamic>):Array<Dynamic>
		return a.copy();

	static function slice(a:Array<Dynamic>, pos:Int, ?end:Dynamic):Array<Dynamic>
		return end == null ? a.slice(pos) : a.slice(pos, end);

	static function splice(a:Array<Dynamic>, pos:Int, len:Int):Array<Dynamic>
		return a.splice(pos, len);

	static function reverse(a:Array<Dynamic>):Void
		a.reverse();

	static function resize(a:Array<Dynamic>, len:Int):Void
		a.resize(len);

	static function join(a:Array<Dynamic>, sep:String):String
		return a.join(sep);

	static function toString(a:Array<Dynamic>):String
		return a.toString();

	static function sort(a:Array<Dynamic>, f:Dynamic):Void
		a.sort((x, y) -> f(x, y));

	static function map(a:Array<Dynamic>, f:Dynamic):Array<Dynamic>
		return [for (x in a) f(x)];

	static function filter(a:Array<Dynamic>, f:Dynamic):Array<Dynamic>
		return [for (x in a) if (f(x)) x];

	static function iterator(a:Array<Dynamic>):Iterator<Dynamic>
		return new haxe.iterators.ArrayIterator(a);
}
