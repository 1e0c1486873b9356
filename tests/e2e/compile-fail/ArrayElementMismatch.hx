class ArrayElementMismatch {
	static function main() {
		var scores:Array<Int> = [10, 20, "thirty"];
		var grid:Array<Array<Float>> = [[1.0], ["x"]];
		scores.push(1.5);
		Sys.println(scores.length + grid.length);
	}
}
