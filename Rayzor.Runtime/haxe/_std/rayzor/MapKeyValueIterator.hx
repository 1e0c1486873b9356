package rayzor;

/** The entries of a `Map`, in insertion order (a native iterator, docs/abi.md Maps). **/
extern class MapKeyValueIterator<K, V> {
	function hasNext():Bool;
	function next():MapEntry<K, V>;
	/** The key of the entry `next()` gives next, without advancing (`for (k => v in map)`). **/
	function nextKey():K;
	/** The value of the next entry, advancing (`for (k => v in map)`). **/
	function nextValue():V;
}
