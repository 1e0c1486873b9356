package haxe.ds;

import Map; // the top-level native Map, not the std abstract haxe.ds.Map

/** Rayzor: the native `Map` with String keys (see Map.hx). **/
extern class StringMap<T> extends Map<String, T> {
	function new():Void;
}
