package rayzor;

/** The keys or values of a `Map`, in insertion order (a native iterator, docs/abi.md Maps). **/
extern class MapIterator<T> {
	function hasNext():Bool;
	function next():T;
	/** Whether this is a `keyValueIterator()` (MapIteratorMembers: its `next` by name gives `{key, value}`). **/
	function isKeyValue():Bool;
}
