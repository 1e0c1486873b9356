package haxe.ds;

/** Rayzor: the native `Map` with object keys (by identity) (see Map.hx). **/
extern class ObjectMap<K:{}, V> extends Map<K, V> {
	function new():Void;
}
