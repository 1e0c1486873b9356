class Main {
	static function main() {
		var a = 'a ${} b';
		var b = 'c ${   } d';
		var ok = 'e ${1 + 2} f $a';
	}
}
