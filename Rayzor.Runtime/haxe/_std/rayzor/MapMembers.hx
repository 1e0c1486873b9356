package rayzor;

/**
	The members of a Map found by name at run time (a Dynamic value, a structure such as
	`Iterable<T>`): each function takes the map first (the runtime's member table for maps).
	Iterators are wrapped in a class, so their own members are found by name too.
**/
class MapMembers {
	static function get(m:Map<Dynamic, Dynamic>, key:Dynamic):Dynamic
		return m.get(key);

	static function set(m:Map<Dynamic, Dynamic>, key:Dynamic, value:Dynamic):Void
		m.set(key, value);

	static function exists(m:Map<Dynamic, Dynamic>, key:Dynamic):Bool
		return m.exists(key);

	static function remove(m:Map<Dynamic, Dynamic>, key:Dynamic):Bool
		return m.remove(key);

	static function keys(m:Map<Dynamic, Dynamic>):Iterator<Dynamic>
		return new NativeIterator(m.keys());

	static function iterator(m:Map<Dynamic, Dynamic>):Iterator<Dynamic>
		return new NativeIterator(m.iterator());

	static function copy(m:Map<Dynamic, Dynamic>):Map<Dynamic, Dynamic>
		return m.copy();

	static function clear(m:Map<Dynamic, Dynamic>):Void
		m.clear();

	static function toString(m:Map<Dynamic, Dynamic>):String
		return m.toString();
}

/** A native map iterator seen through a class, so `hasNext` and `next` exist by name. **/
class NativeIterator {
	final it:MapIterator<Dynamic>;

	public function new(it:MapIterator<Dynamic>) {
		this.it = it;
	}

	public function hasNext():Bool
		return it.hasNext();

	public function next():Dynamic
		return it.next();
}
