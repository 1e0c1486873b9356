package rayzor;

/** The keys or values of a `Map`, in insertion order (a native iterator, docs/abi.md Maps). **/
extern class MapIterator<T> {
	function hasNext():Bool;
	function next():T;
	/** `next()` of an iterator seen as a structure (MapIteratorMembers): a key-value iterator's entry, else the key or value, boxed. **/
	function nextDynamic():Dynamic;
}
