class Main {
	static function main() {
		var a = 'sum ${1 +} end';
		var b = 'call ${f(1 2)} end';
		var c = 'extra ${a b} end';
		var d = 'nested ${'inner ${x +}'} end';
		var ok = 'fine ${a.length}';
	}
}
