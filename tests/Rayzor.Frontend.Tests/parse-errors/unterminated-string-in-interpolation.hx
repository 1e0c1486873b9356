class Main {
	static function main() {
		var name = "x";
		var s = 'hello ${name + "} world';
	}
}
