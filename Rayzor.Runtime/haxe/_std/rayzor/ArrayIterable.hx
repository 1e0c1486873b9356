package rayzor;

/**
	An Array seen as a structure (`Iterable<T>`): Rayzor wraps an Array passed where a structure with
	`iterator()` is expected, so the structure's members can be found by name at run time.
**/
class ArrayIterable<T> {
	final array:Array<T>;

	public function new(array:Array<T>) {
		this.array = array;
	}

	public function iterator():Iterator<T> {
		return new haxe.iterators.ArrayIterator(array);
	}
}
