package haxe;

/**
	Rayzor's `haxe.Rest`: the official API over a plain `Array<T>` (a call packs its rest arguments
	into a new array; `f(...a)` passes `a` itself, as Haxe's static targets may).
**/
@:forward(length, iterator, keyValueIterator)
abstract Rest<T>(Array<T>) from Array<T> {
	public static inline function of<T>(array:Array<T>):Rest<T>
		return array;

	@:arrayAccess inline function get(index:Int):T
		return this[index];

	@:to public function toArray():Array<T>
		return this.copy();

	public function append(item:T):Rest<T> {
		var result = this.copy();
		result.push(item);
		return result;
	}

	public function prepend(item:T):Rest<T> {
		var result = this.copy();
		result.unshift(item);
		return result;
	}

	public function toString():String
		return this.toString();
}
