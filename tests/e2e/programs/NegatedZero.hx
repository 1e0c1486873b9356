// Haxe folds the negation of a Float constant as `0 - c`: `-(0.0)` is +0.0 on every target, while a
// `-0.0` literal and the negation of a variable holding 0.0 are -0.0 (found by the differential
// fuzzer, seed 100 #6642, #8004, #11678).
class NegatedZero {
	static function main() {
		var z = 0.0;
		Sys.println(1 / -(0.0));
		Sys.println(1 / -(-0.0));
		Sys.println(1 / -0.0);
		Sys.println(1 / (0.0 * -1.0));
		Sys.println(1 / -z);
		Sys.println(-(1.5));
		Sys.println(1 / Math.fceil(-(0.0)));
	}
}
