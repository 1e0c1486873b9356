package rayzor;

/** One `{key, value}` entry of a `Map`. **/
extern class MapEntry<K, V> {
	var key(default, null):K;
	var value(default, null):V;
}
