class Main {
	static function main() {
		var a = {x: 1, y};
		var b = {x: 1,, y: 2};
		var c = {'$k': 1};
		var d = {x 1};
		var ok = {x: 1, "quoted key": 2};
	}
}
