class Main {
	function f()
	function g():Void
	static function main() {
		var h = function();
		var i = () ->;
		var j = x ->;
		local();
	}
	function k() {}
}
