class Main {
	static function main() {
		var a = ~/a\qb/;
		var b = ~/ok/gim;
		var c = ~/x/gz;
		var d = ~/y/q;
	}
}
