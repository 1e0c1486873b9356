class Main {
	static function main() {
		var a:Array<Array<Int>> = [];
		var b:Map<String, Int> = [];
		var c = new Array<Int>(;
		var d = new Map<String,>();
		var e:Array<Int>> = [];
		var f = a[0][;
	}
}
