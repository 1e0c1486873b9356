package haxe.ds;

import Map; // the top-level native Map, not the std abstract haxe.ds.Map

/** Rayzor: the native `Map` with Int keys (see Map.hx). **/
extern class IntMap<T> extends Map<Int, T> {
	function new():Void;
}
