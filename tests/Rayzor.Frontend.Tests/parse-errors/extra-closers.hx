class Main {
	static function main() {
		trace(1));
		var a = [1]];
		}
	}
	function f() {}
}
}
)
