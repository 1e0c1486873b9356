class Main {
	static function main() {
		var x = [1, 2, 3].map(function(v) return v * 