package haxe.ds;

/** Rayzor: the native `Map` with Int keys (see Map.hx). **/
extern class IntMap<T> extends Map<Int, T> {
	function new():Void;
}
