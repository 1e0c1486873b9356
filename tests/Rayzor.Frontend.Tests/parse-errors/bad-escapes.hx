class Main {
	static function main() {
		var a = "\q";
		var b = "\x";
		var c = "\xZZ";
		var d = "\x80";
		var e = "\400";
		var f = "\u{110000}";
		var g = "\uD800";
		var h = "\u{}";
		var i = 'single \w quoted';
		var ok = "\n\t\\\"\u{1F600}\x41\101";
	}
}
