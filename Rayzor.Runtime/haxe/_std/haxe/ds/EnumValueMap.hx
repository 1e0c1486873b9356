package haxe.ds;

import Map; // the top-level native Map, not the std abstract haxe.ds.Map

/** Rayzor: the native `Map` with enum value keys (see Map.hx). **/
extern class EnumValueMap<K:EnumValue, V> extends Map<K, V> {
	function new():Void;
}
