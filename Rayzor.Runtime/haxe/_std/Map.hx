/**
	Rayzor's `Map`: one native hash table (docs/abi.md, Maps) for every key type, chosen by the
	compiler from `K` where the map is created: Int keys unboxed, Strings by content, enum values
	by constructor and arguments, other objects by identity. Iteration follows insertion order.
	`haxe.ds.StringMap`, `IntMap`, `ObjectMap` and `EnumValueMap` are the same table.
**/
extern class Map<K, V> {
	function new():Void;
	function get(key:K):Null<V>;
	function set(key:K, value:V):Void;
	function exists(key:K):Bool;
	function remove(key:K):Bool;
	function keys():rayzor.MapIterator<K>;
	function iterator():rayzor.MapIterator<V>;
	function keyValueIterator():rayzor.MapKeyValueIterator<K, V>;
	function copy():Map<K, V>;
	function clear():Void;
	function toString():String;
}
