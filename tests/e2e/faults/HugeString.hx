// A String longer than the runtime's maximum (2^31 - 1 UTF-16 units) cannot be made: the program
// ends as when memory runs out, with `rayzor: out of memory` and exit status 1.
class HugeString {
	static function main() {
		var s = "ab";
		var doublings = 0;
		while (doublings < 40) {
			s += s;
			doublings++;
			if (doublings == 29) Sys.println("1 G characters");
		}
		Sys.println(s.length);
	}
}
