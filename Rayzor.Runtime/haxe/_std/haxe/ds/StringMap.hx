package haxe.ds;

/** Rayzor: the native `Map` with String keys (see Map.hx). **/
extern class StringMap<T> extends Map<String, T> {
	function new():Void;
}
