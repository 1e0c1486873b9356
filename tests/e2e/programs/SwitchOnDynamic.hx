// Constant patterns against a Dynamic, Null<Int> or type-parameter subject compare as `v == c`
// does (a String or null never equals 0; 0.0 equals 0), not the subject unboxed to the
// constant's type. Output checked against haxe --interp.
class SwitchOnDynamic {
	static function classify(x:Dynamic):String
		return switch x {
			case 0: "zero";
			case 1.5: "one-half";
			case "s": "ess";
			case true: "yes";
			case _: "other";
		};

	static function nullable(x:Null<Int>)
		return switch x {
			case 0: "zero";
			case null: "null";
			case _: "other";
		};

	static function generic<T>(x:T)
		return switch x {
			case 1: "one";
			case _: "no";
		};

	static function main() {
		trace(classify(0), classify("s"), classify("t"), classify(1.5), classify(1), classify(true), classify(false), classify(null), classify(0.0), classify([0]));
		trace(nullable(0), nullable(null), nullable(3));
		trace(generic(1), generic("1"), generic(1.0), generic(null));
	}
}
