// Out-of-bounds array accesses are not faults: a read past either end gives the element type's
// default (0, 0.0, false on static targets such as HashLink; null for references), a write past
// the end grows the array, filling the gap with defaults.
class ArrayBounds {
	static function main() {
		var ints = [1, 2, 3];
		var floats = [1.5];
		var bools = [true];
		var names = ["a", "b"];
		var i = 10;
		Sys.println("ints[10] = " + ints[i] + ", ints[-1] = " + ints[-1] + ", ints[3] = " + ints[3]);
		Sys.println("floats[5] = " + floats[5] + ", bools[5] = " + bools[5]);
		Sys.println("names[7] = " + names[7] + ", names[-3] = " + names[-3]);
		ints[5] = 6;
		Sys.println("after ints[5] = 6: " + ints + " length " + ints.length);
		names[3] = "d";
		Sys.println("after names[3] = 'd': " + names + " length " + names.length);
		var empty:Array<Int> = [];
		Sys.println("empty[0] = " + empty[0] + ", pop = " + empty.pop() + ", shift = " + empty.shift());
		var grown = [];
		for (k in 0...5)
			grown[k * 2] = k;
		Sys.println("grown by index: " + grown + " length " + grown.length);
		var v = new haxe.ds.Vector<Int>(2);
		Sys.println("vector[0] = " + v[0] + " length " + v.length);
	}
}
