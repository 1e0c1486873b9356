class TypeMismatch {
	static function main() {
		var x:Int = "abc";
		var y = 1 + true;
		Sys.println(unknownName);
	}
}
