class Main {
	static function main() {
		var x = 1 +;
		trace('value ${x