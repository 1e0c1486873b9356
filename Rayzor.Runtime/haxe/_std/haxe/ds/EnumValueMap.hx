package haxe.ds;

/** Rayzor: the native `Map` with enum value keys (see Map.hx). **/
extern class EnumValueMap<K:EnumValue, V> extends Map<K, V> {
	function new():Void;
}
