package rayzor;

/**
	The members of a map's iterator found by name at run time: `keys()`, `iterator()` or
	`keyValueIterator()` seen as an `Iterator<T>` or `KeyValueIterator<K, V>` structure (each
	function takes the iterator first; the runtime's member table for map iterators).
**/
class MapIteratorMembers {
	static function hasNext(it:MapIterator<Dynamic>):Bool
		return it.hasNext();

	static function next(it:MapIterator<Dynamic>):Dynamic {
		if (it.isKeyValue()) {
			var entries:MapKeyValueIterator<Dynamic, Dynamic> = cast it;
			var key = entries.nextKey();
			return {key: key, value: entries.nextValue()};
		}
		return it.next();
	}
}
