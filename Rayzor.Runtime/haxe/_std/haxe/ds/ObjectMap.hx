package haxe.ds;

import Map; // the top-level native Map, not the std abstract haxe.ds.Map

/** Rayzor: the native `Map` with object keys (by identity) (see Map.hx). **/
extern class ObjectMap<K:{}, V> extends Map<K, V> {
	function new():Void;
}
